using System.Globalization;
using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Response;

/// <summary>
/// On resume, a response goes on from where it started: a request without a key or user takes the
/// latest starting point the case's journal recorded (respond.started), so <c>--resume CASE</c> alone
/// continues an interrupted response and does not fall back to triage.
/// </summary>
public static class ResponseStartingPoint
{
    public static ResponseRequest Recorded(ResponseRequest request, CaseFolder folder)
    {
        if (request.AccessKeyId is not null || request.UserName is not null) return request;
        foreach (var e in JournalReader.Read(folder, ResponseJournalKinds.Started).Reverse())
            if (e.Data["startingPoint"] is JsonObject sp && ((string?)sp["accessKeyId"] ?? (string?)sp["userName"]) is not null)
                return request with
                {
                    AccessKeyId = (string?)sp["accessKeyId"], UserName = (string?)sp["userName"],
                    Since = request.Since ?? (DateTimeOffset.TryParse((string?)sp["since"], CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal, out var since) ? since : null),
                };
        return request;
    }

    public static JsonObject ToJson(ResponseRequest request) => new()
    {
        ["accessKeyId"] = request.AccessKeyId, ["userName"] = request.UserName,
        ["since"] = request.Since is { } s ? CaseTime.Format(s) : null,
    };
}
