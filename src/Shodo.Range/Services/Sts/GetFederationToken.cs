using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Range.Auth.Policies;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Services.Sts;

/// <summary>
/// Credentials for a federated user: the calling user's permissions intersected with the session
/// policy passed (Policy and/or PolicyArns); with no session policy, no permissions, as on AWS.
/// </summary>
public sealed class GetFederationToken : StsAction
{
    public override string Name => "GetFederationToken";
    public override bool ReadOnly => true;

    public override string Resource(AwsRequest r) =>
        r.Param("Name") is { } name ? $"arn:{r.Partition}:sts::{r.AccountId}:federated-user/{name}" : "*";

    public override AwsResponse Handle(AwsCall call)
    {
        var userName = RequireLongTermUser(call, Name);
        var name = call.Request.RequiredParam("Name");
        if (name.Length is < 2 or > 32)
            throw new AwsError("ValidationError", $"1 validation error detected: Value '{name}' at 'name' failed to satisfy constraint: Member must have length between 2 and 32", 400);
        var seconds = Duration(call.Request, 43200, 900, 129600);
        var policy = SessionPolicy.From(call);
        var session = Issue(call, StsSession.Federation, seconds, s =>
        {
            s.SourceUserName = userName;
            s.SessionName = name;
            s.SessionPolicy = policy;
        });
        var arn = call.State.StsArn($"federated-user/{name}");
        call.ResponseElements = new JsonObject
        {
            ["credentials"] = CredentialsRecord(session),
            ["federatedUser"] = new JsonObject { ["federatedUserId"] = $"{call.AccountId}:{name}", ["arn"] = arn },
        };
        return new XmlResult(Credentials(session),
            new XElement("FederatedUser", Xml.E("FederatedUserId", $"{call.AccountId}:{name}"), Xml.E("Arn", arn)),
            Xml.E("PackedPolicySize", policy is null ? 0 : Math.Min(100, policy.Length / 20))!);
    }
}

/// <summary>The session policy of a request: Policy (JSON) plus PolicyArns.member.N.arn, merged into one document.</summary>
public static class SessionPolicy
{
    public static string? From(AwsCall call)
    {
        var statements = new JsonArray();
        if (call.Request.Param("Policy") is { } inline)
        {
            try { PolicyDocument.Parse(inline); }
            catch (MalformedPolicyException e) { throw new AwsError("MalformedPolicyDocument", e.Message, 400); }
            Add(statements, inline);
        }
        for (var i = 1; call.Request.Param($"PolicyArns.member.{i}.arn") is { } arn; i++)
        {
            var managed = call.State.Iam.Policy(arn)
                ?? throw new AwsError("InvalidParameterValue", $"Policy {arn} does not exist or is not attachable.", 400);
            Add(statements, managed.DefaultVersion.Document);
        }
        return statements.Count == 0 ? null
            : new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements }.ToJsonString();
    }

    private static void Add(JsonArray into, string document)
    {
        var statement = JsonNode.Parse(document)!["Statement"];
        if (statement is JsonArray array)
            foreach (var s in array) into.Add(s!.DeepClone());
        else if (statement is not null)
            into.Add(statement.DeepClone());
    }
}
