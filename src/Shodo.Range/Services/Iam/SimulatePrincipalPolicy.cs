using System.Xml.Linq;
using Shodo.Range.Auth;
using Shodo.Range.Auth.Policies;
using Shodo.Range.Serving;
using Shodo.Range.State;

namespace Shodo.Range.Services.Iam;

/// <summary>
/// iam:SimulatePrincipalPolicy — how a user's or role's identity policies decide each action (allowed, explicitDeny,
/// implicitDeny), with the context keys given (ContextEntries, e.g. aws:TokenIssueTime). The range answers with the
/// policies in effect, so a change still propagating (<c>--iam-propagation</c>) is not yet reported: a responder
/// proves a deny is enforced this way without using the compromised credential.
/// </summary>
public sealed class SimulatePrincipalPolicy : IamAction
{
    public override string Name => "SimulatePrincipalPolicy";
    public override bool ReadOnly => true;
    public override string Resource(AwsRequest r) => r.Param("PolicySourceArn") ?? "*";

    public override AwsResponse Handle(AwsCall call)
    {
        var source = call.Request.RequiredParam("PolicySourceArn");
        var actions = ListParam(call.Request, "ActionNames");
        if (actions.Count == 0) throw IamErrors.InvalidInput("ActionNames must name at least one action.");
        var resources = ListParam(call.Request, "ResourceArns") is { Count: > 0 } r ? r : ["*"];
        var principal = Principal(call, source);
        var policies = IdentityPolicies.Of(call.State.Iam, principal, call.State.IamPropagation, call.Now);
        var results = new List<XElement>();
        foreach (var action in actions)
            foreach (var resource in resources)
            {
                var context = Authorizer.ContextFor(principal, new AwsOperation(action, action, false, resource), call.Now, null);
                foreach (var (key, values) in Entries(call.Request)) context.Keys[key] = values;
                var decision = PolicyEvaluator.Evaluate(policies, context) switch
                {
                    PolicyDecision.Allow => "allowed",
                    PolicyDecision.ExplicitDeny => "explicitDeny",
                    _ => "implicitDeny",
                };
                results.Add(IamShapes.Member([Xml.E("EvalActionName", action), Xml.E("EvalResourceName", resource),
                    Xml.E("EvalDecision", decision), new XElement("MatchedStatements"), new XElement("MissingContextValues")]));
            }
        return new XmlResult(new XElement("EvaluationResults", results), Xml.E("IsTruncated", false));
    }

    /// <summary>The principal the ARN names, as a caller with no session (context keys come from ContextEntries).</summary>
    private static Caller Principal(AwsCall call, string arn)
    {
        var account = call.AccountId;
        var name = arn[(arn.LastIndexOf('/') + 1)..];
        if (arn.StartsWith($"arn:{call.State.Partition}:iam::{account}:user/", StringComparison.Ordinal))
        {
            var user = RequireUser(call, name);
            return new Caller(Caller.IamUser, user.Arn, user.UserId, account, "", user.UserName);
        }
        if (arn.StartsWith($"arn:{call.State.Partition}:iam::{account}:role/", StringComparison.Ordinal))
        {
            var role = RequireRole(call, name);
            return new Caller(Caller.AssumedRole, call.State.StsArn($"assumed-role/{role.RoleName}/simulation"),
                $"{role.RoleId}:simulation", account, "", RoleName: role.RoleName);
        }
        throw IamErrors.InvalidInput($"Invalid ARN: {arn}. PolicySourceArn must be a user or role of this account.");
    }

    /// <summary>ContextEntries.member.N.ContextKeyName with .ContextKeyValues.member.M.</summary>
    private static IEnumerable<(string Key, IReadOnlyList<string> Values)> Entries(AwsRequest request)
    {
        for (var i = 1; request.Param($"ContextEntries.member.{i}.ContextKeyName") is { } key; i++)
            yield return (key, ListParam(request, $"ContextEntries.member.{i}.ContextKeyValues"));
    }
}
