using System.Text.RegularExpressions;
using Shodo.Range.Auth;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Services.Iam;

/// <summary>
/// AWS Identity and Access Management (Query protocol, 2010-05-08), global: events in us-east-1. A change to a
/// user's, role's or group's policies is noted first, so that it takes effect only after the range's IAM
/// propagation delay (<see cref="PolicyPropagation"/>).
/// </summary>
public sealed partial class IamService() : QueryService(
[
    new CreateUser(), new GetUser(), new ListUsers(), new DeleteUser(), new TagUser(), new UntagUser(), new ListUserTags(),
    new CreateAccessKey(), new ListAccessKeys(), new UpdateAccessKey(), new DeleteAccessKey(), new GetAccessKeyLastUsed(),
    new CreateLoginProfile(), new GetLoginProfile(), new UpdateLoginProfile(), new DeleteLoginProfile(),
    new ListMFADevices(),
    new CreateGroup(), new GetGroup(), new ListGroups(), new AddUserToGroup(), new RemoveUserFromGroup(), new ListGroupsForUser(),
    new CreateRole(), new GetRole(), new ListRoles(),
    new PutInlinePolicy(PolicyHolder.User), new GetInlinePolicy(PolicyHolder.User),
    new ListInlinePolicies(PolicyHolder.User), new DeleteInlinePolicy(PolicyHolder.User),
    new PutInlinePolicy(PolicyHolder.Role), new GetInlinePolicy(PolicyHolder.Role),
    new ListInlinePolicies(PolicyHolder.Role), new DeleteInlinePolicy(PolicyHolder.Role),
    new PutInlinePolicy(PolicyHolder.Group), new GetInlinePolicy(PolicyHolder.Group),
    new ListInlinePolicies(PolicyHolder.Group), new DeleteInlinePolicy(PolicyHolder.Group),
    new AttachPolicy(PolicyHolder.User), new DetachPolicy(PolicyHolder.User), new ListAttachedPolicies(PolicyHolder.User),
    new AttachPolicy(PolicyHolder.Role), new DetachPolicy(PolicyHolder.Role), new ListAttachedPolicies(PolicyHolder.Role),
    new AttachPolicy(PolicyHolder.Group), new DetachPolicy(PolicyHolder.Group), new ListAttachedPolicies(PolicyHolder.Group),
    new CreatePolicy(), new GetPolicy(), new GetPolicyVersion(), new ListPolicies(), new ListEntitiesForPolicy(),
    new GetAccountAuthorizationDetails(), new GenerateCredentialReport(), new GetCredentialReport(),
    new ListAccountAliases(), new GetAccountSummary(),
    new SimulatePrincipalPolicy(),
    new PutPermissionsBoundary(PolicyHolder.User), new PutPermissionsBoundary(PolicyHolder.Role),
]), IAwsService
{
    Task<AwsResponse> IAwsService.HandleAsync(AwsCall call, CancellationToken ct)
    {
        if (PolicyChange().Match(call.Operation.Name) is { Success: true } m && call.Request.Param(m.Groups[1].Value + "Name") is { } name)
            lock (call.State.Sync)
            {
                var iam = call.State.Iam;
                var holder = m.Groups[1].Value switch
                {
                    "User" => iam.User(name) is { } u ? (u.InlinePolicies, u.AttachedPolicyArns) : default,
                    "Role" => iam.Role(name) is { } r ? (r.InlinePolicies, r.AttachedPolicyArns) : default,
                    _ => iam.Group(name) is { } g ? (g.InlinePolicies, g.AttachedPolicyArns) : default,
                };
                if (holder.InlinePolicies is not null)
                    call.State.IamPropagation.Changing(PolicyPropagation.Key(m.Groups[1].Value, name),
                        IdentityPolicies.Documents(iam, holder.InlinePolicies, holder.AttachedPolicyArns), call.Now);
            }
        return HandleAsync(call, ct);
    }

    [GeneratedRegex("^(?:Put|Delete|Attach|Detach)(User|Role|Group)Policy$")]
    private static partial Regex PolicyChange();

    public override string Name => "iam";
    public override string EventSource => "iam.amazonaws.com";
    public override string XmlNamespace => "https://iam.amazonaws.com/doc/2010-05-08/";
    public override bool IsGlobal => true;
}
