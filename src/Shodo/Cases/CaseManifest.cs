using System.Reflection;
using System.Text.Json.Nodes;

namespace Shodo.Cases;

/// <summary>
/// What <c>case.json</c> says about a case. The same object is the data of the journal's first
/// entry (<c>case.opened</c>), which is how <see cref="CaseVerifier"/> knows case.json was not changed.
/// </summary>
public sealed record CaseManifest(
    string Id,
    string? Title,
    string? AccountId,
    DateTimeOffset OpenedAt,
    Actor OpenedBy,
    string ShodoVersion)
{
    /// <summary>The on-disk format this code writes (see docs/case-format.md).</summary>
    public const string CurrentFormat = "shodo-case/1";

    public string Format { get; init; } = CurrentFormat;

    public static string CurrentShodoVersion { get; } =
        typeof(CaseManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["format"] = Format,
            ["id"] = Id,
            ["openedAt"] = CaseTime.Format(OpenedAt),
            ["openedBy"] = OpenedBy.ToJson(),
            ["shodoVersion"] = ShodoVersion,
        };
        if (Title is not null) json["title"] = Title;
        if (AccountId is not null) json["accountId"] = AccountId;
        return json;
    }

    public static CaseManifest FromJson(JsonNode json) => new(
        (string?)json["id"] ?? throw new FormatException("case.json has no id."),
        (string?)json["title"],
        (string?)json["accountId"],
        DateTimeOffset.Parse((string?)json["openedAt"] ?? throw new FormatException("case.json has no openedAt."), System.Globalization.CultureInfo.InvariantCulture),
        Actor.FromJson(json["openedBy"]),
        (string?)json["shodoVersion"] ?? "")
    {
        Format = (string?)json["format"] ?? CurrentFormat,
    };
}
