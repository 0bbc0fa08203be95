using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Errors;
using Shodo.Cases;
using Shodo.Diagnostics;

namespace Shodo.Evidence;

/// <summary>
/// One call whose answer is missing from the evidence: which collector, which operation, where,
/// with which parameters, and why (<see cref="GapKinds"/>). Written to <c>coverage.json</c> and as a
/// <c>collect.gap</c> journal entry — a gap is shown, never silently skipped.
/// </summary>
public sealed record CoverageGap(
    string Collector, string Service, string Operation, string? Region, JsonObject? Parameters,
    string Kind, string Code, string Message, string? RequestId, int HttpStatus, DateTimeOffset Time)
{
    public static CoverageGap From(AwsServiceError e, string collector, AwsOperation operation, string? region,
        string homeRegion, JsonObject? parameters, DateTimeOffset time, bool optedIn = false) =>
        new(collector, operation.Service, operation.Name, region, parameters, GapKinds.Of(e, region, homeRegion, optedIn), e.Code, e.AwsMessage,
            e.RequestId, e.HttpStatus, time);

    /// <summary>An answer that was read but describes an earlier moment than this collection: still a gap, with the reason.</summary>
    public static CoverageGap StaleAnswer(string collector, AwsOperation operation, string code, string message, DateTimeOffset time) =>
        new(collector, operation.Service, operation.Name, null, null, GapKinds.Stale, code, message, null, 200, time);

    /// <summary>Calls left unsent by a collector's bound (<see cref="GapKinds.Bounded"/>): <paramref name="message"/> names what was not read.</summary>
    public static CoverageGap Bounded(string collector, AwsOperation operation, string? region, JsonObject parameters, string message,
        DateTimeOffset time) =>
        new(collector, operation.Service, operation.Name, region, parameters, GapKinds.Bounded, "NotRead", message, null, 0, time);

    /// <summary>Shodo could not read an answer (or a collector failed): still a gap, with the reason.</summary>
    public static CoverageGap Unreadable(Exception e, string collector, AwsOperation? operation, string? region,
        JsonObject? parameters, DateTimeOffset time) =>
        new(collector, operation?.Service ?? "", operation?.Name ?? "", region, parameters, GapKinds.Unreadable,
            e.GetType().Name, e.Message, null, 0, time);

    /// <summary>A gap as coverage.json holds it (<see cref="ToJson"/>).</summary>
    public static CoverageGap FromJson(JsonObject json) => new(
        (string?)json["collector"] ?? "", (string?)json["service"] ?? "", (string?)json["operation"] ?? "", (string?)json["region"],
        json["parameters"]?.DeepClone() as JsonObject, (string?)json["kind"] ?? GapKinds.Failed, (string?)json["code"] ?? "",
        (string?)json["message"] ?? "", (string?)json["requestId"], (int?)json["httpStatus"] ?? 0,
        DateTimeOffset.Parse((string?)json["time"] ?? "0001-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal));

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["collector"] = Collector, ["service"] = Service, ["operation"] = Operation,
            ["kind"] = Kind, ["code"] = Code, ["message"] = Message, ["httpStatus"] = HttpStatus,
            ["time"] = CaseTime.Format(Time),
        };
        if (Region is not null) json["region"] = Region;
        if (Parameters is not null) json["parameters"] = Parameters.DeepClone();
        if (RequestId is not null) json["requestId"] = RequestId;
        return json;
    }
}

/// <summary>Why a call is missing from the evidence.</summary>
public static class GapKinds
{
    public const string AccessDenied = "AccessDenied";
    public const string RegionNotEnabled = "RegionNotEnabled";
    /// <summary>
    /// Credentials refused in an opt-in region the account <em>has</em> enabled, while they work in the home region: usually
    /// a session token from STS's global endpoint (sts.amazonaws.com), which by default is valid only in the regions enabled by
    /// default. Fixed by getting the session from a regional STS endpoint, or by making global tokens valid everywhere.
    /// </summary>
    public const string GlobalEndpointToken = "GlobalEndpointToken";
    public const string Throttled = "Throttled";
    /// <summary>AWS failed on its side (a 5xx or another transient code) on every attempt.</summary>
    public const string Unavailable = "Unavailable";
    public const string TimedOut = "TimedOut";
    public const string Unreachable = "Unreachable";
    public const string CredentialsRejected = "CredentialsRejected";
    public const string NotSupported = "NotSupported";
    public const string Unreadable = "Unreadable";
    public const string Failed = "Failed";
    /// <summary>An answer read, but older than the moment it must describe (a credential report IAM generated before this collection).</summary>
    public const string Stale = "Stale";
    /// <summary>A call Shodo chose not to send, to keep a large account's collection fast (a per-region bound): what it would have shown is unknown.</summary>
    public const string Bounded = "Bounded";

    /// <summary>Codes AWS answers for a region the account has not enabled (or an unknown one).</summary>
    private static readonly HashSet<string> RegionCodes = new(StringComparer.Ordinal)
    {
        "OptInRequired", "RegionDisabledException", "InvalidRegion", "UnrecognizedRegion",
    };

    private static readonly HashSet<string> UnsupportedCodes = new(StringComparer.Ordinal)
    {
        "InvalidAction", "UnknownOperationException", "NotImplemented", "UnsupportedOperation",
    };

    /// <summary>Kinds that trying again later can fill (AWS throttled, failed on its side, or did not answer): <c>--resume</c> retries them.</summary>
    public static bool IsTransient(string kind) => kind is Throttled or Unavailable or TimedOut or Unreachable;

    /// <summary>
    /// Why the call failed. Credentials rejected in one region while they work in the home region is
    /// how AWS answers for a region the account has not enabled (EC2 AuthFailure, STS/IAM-style
    /// InvalidClientTokenId): reported as <see cref="RegionNotEnabled"/> — unless the region is an opt-in region the account
    /// enabled (<paramref name="optedIn"/>): then it is <see cref="GlobalEndpointToken"/>.
    /// </summary>
    public static string Of(AwsServiceError e, string? region = null, string? homeRegion = null, bool optedIn = false)
    {
        if (RegionCodes.Contains(e.Code)) return RegionNotEnabled;
        if (UnsupportedCodes.Contains(e.Code)) return NotSupported;
        if (e.Code == AwsErrorCodes.Unreachable)
            return e.InnerException is TimeoutException or Polly.Timeout.TimeoutRejectedException
                   || e.InnerException?.InnerException is TimeoutException ? TimedOut : Unreachable;
        if (e.IsThrottling) return Throttled;
        return AwsErrorCodes.ExitCodeFor(e.Code, e.HttpStatus, e.Service) switch
        {
            ExitCode.AccessDenied => AccessDenied,
            ExitCode.Throttled => Unavailable,
            ExitCode.NoCredentials when region is not null && region != homeRegion => optedIn ? GlobalEndpointToken : RegionNotEnabled,
            ExitCode.NoCredentials => CredentialsRejected,
            _ => Failed,
        };
    }
}
