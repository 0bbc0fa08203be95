using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>
/// iam:SimulatePrincipalPolicy — how a user's or role's policies decide each action (allowed, explicitDeny,
/// implicitDeny), with context keys (e.g. aws:TokenIssueTime). Read-only: it proves a deny is enforced without ever
/// using the compromised credential.
/// </summary>
public sealed record SimulatePrincipalPolicy(string PolicySourceArn, IReadOnlyList<string> ActionNames,
    IReadOnlyDictionary<string, (string Value, string Type)>? Context = null) : QueryCall<IReadOnlyList<SimulatedDecision>>
{
    public override AwsOperation Operation => IamOperations.SimulatePrincipalPolicy;

    public override void Write(QueryParameters p)
    {
        p.Add("PolicySourceArn", PolicySourceArn).AddList("ActionNames", ActionNames);
        var i = 0;
        foreach (var (key, (value, type)) in Context ?? new Dictionary<string, (string, string)>())
        {
            i++;
            p.Add($"ContextEntries.member.{i}.ContextKeyName", key).Add($"ContextEntries.member.{i}.ContextKeyValues.member.1", value)
             .Add($"ContextEntries.member.{i}.ContextKeyType", type);
        }
    }

    public override IReadOnlyList<SimulatedDecision> Read(XElement r) =>
        r.Items("EvaluationResults").Select(m => new SimulatedDecision(m.Required("EvalActionName"), m.Required("EvalDecision"))).ToList();
}

/// <summary>One action's simulated decision: allowed, explicitDeny or implicitDeny.</summary>
public sealed record SimulatedDecision(string Action, string Decision);
