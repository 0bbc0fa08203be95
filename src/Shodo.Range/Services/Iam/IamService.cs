using Shodo.Range.Serving;

namespace Shodo.Range.Services.Iam;

/// <summary>AWS Identity and Access Management (Query protocol, 2010-05-08), global: events in us-east-1.</summary>
public sealed class IamService() : QueryService(
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
])
{
    public override string Name => "iam";
    public override string EventSource => "iam.amazonaws.com";
    public override string XmlNamespace => "https://iam.amazonaws.com/doc/2010-05-08/";
    public override bool IsGlobal => true;
}
