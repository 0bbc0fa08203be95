using System.Text.Json.Nodes;

namespace Shodo.Cases;

/// <summary>
/// Who did a step: the AWS caller identity (from STS GetCallerIdentity, when known), the local user
/// and the host Shodo ran on.
/// </summary>
public sealed record Actor(string LocalUser, string Host, string? CallerArn = null)
{
    public static Actor Local(string? callerArn = null) => new(Environment.UserName, Environment.MachineName, callerArn);

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["localUser"] = LocalUser, ["host"] = Host };
        if (CallerArn is not null) json["callerArn"] = CallerArn;
        return json;
    }

    public static Actor FromJson(JsonNode? json) => new(
        (string?)json?["localUser"] ?? "",
        (string?)json?["host"] ?? "",
        (string?)json?["callerArn"]);
}
