using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// Marks a contained user or instance with the case id (tag <c>shodo:case</c>), so whoever looks at it
/// in the console sees that it is under investigation. The tag stays after a roll-back: it records the case.
/// </summary>
public sealed class TagResource : ContainmentAction
{
    public override string Name => "tag-resource";
    public override IReadOnlyList<AwsOperation> Operations =>
        [IamOperations.GetUser, IamOperations.TagUser, Ec2Operations.DescribeInstances, Ec2Operations.CreateTags];
    public override bool Reversible => false;
    public override string HowToReverse => "not reversed: the tag records the case";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Responder;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.User, TargetKinds.Instance];

    /// <summary>
    /// A user is tagged as it is cut (the deny, its keys: none reads what another changes), an instance before anything else
    /// touches it: no round trip waits for a tag.
    /// </summary>
    public override PlanOrder OrderFor(string targetKind) => TargetKinds.IsIdentity(targetKind) ? new(1, 0) : new(3, 0);

    public override string AuthorityClass(string targetKind) =>
        TargetKinds.IsIdentity(targetKind) ? "attach-deny-policy" : "stop-instance";

    public override string ExpectedAfter(PlannedAction a) => $"{a.Target.Id} is tagged {ContainmentTags.Case}={a.Parameters["caseId"]}";

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) =>
        a.Target.Kind == TargetKinds.User
            ? UserState.ReadAsync(c, a.Target.Id, keys: false, policy: false, ct)
            : InstanceRead.ReadAsync(c, a.Target.Region!, a.Target.Id, attributes: false, ct);

    public override bool Holds(PlannedAction a, JsonObject state) =>
        (string?)state["tags"]?[ContainmentTags.Case] == (string?)a.Parameters["caseId"];

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        var tags = new Dictionary<string, string> { [ContainmentTags.Case] = c.CaseId };
        var request = new JsonObject { ["resource"] = a.Target.Id, ["tags"] = new JsonObject { [ContainmentTags.Case] = c.CaseId } };
        if (a.Target.Kind == TargetKinds.User)
        {
            await c.Aws.Iam().SendAsync(new TagUser(a.Target.Id, tags), ct).ConfigureAwait(false);
            await c.ChangedAsync(a, IamOperations.TagUser, request).ConfigureAwait(false);
            return;
        }
        await c.Aws.Ec2(a.Target.Region).CreateTagsAsync(new CreateTagsRequest
        {
            Resources = [a.Target.Id], Tags = [new Tag(ContainmentTags.Case, c.CaseId)],
        }, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.CreateTags, request).ConfigureAwait(false);
    }

    public override string? Stale(PlannedAction a, JsonObject state) =>
        a.Target.Kind == TargetKinds.User ? IdentityStaleness.Check(a, state) : InstanceStaleness.Check(a, state);
}
