using System.Xml.Linq;
using Shodo.Aws;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Iam;

/// <summary>
/// Every user, group, role and managed policy with their policies: GetAccountAuthorizationDetails, all pages. It is where
/// the snapshot reads each user's attached managed policies and inline policy documents (a few pages for the whole account,
/// instead of four calls per user).
/// </summary>
public sealed class IamAuthorizationDetailsCollector : ICollector, ISnapshotPart
{
    public string Name => "iam.authorization-details";
    public CollectorScope Scope => CollectorScope.Global;
    public IReadOnlyList<AwsOperation> Operations { get; } = [IamOperations.GetAccountAuthorizationDetails];

    public Task CollectAsync(CollectionContext context, CancellationToken ct) =>
        context.PagesAsync(context.Aws.Iam(), new GetAccountAuthorizationDetails(), ct);

    /// <summary>
    /// Each user's attached managed policies, inline policies, groups and permissions boundary; each group's and role's
    /// policies (and a role's boundary); each managed policy's default document; and whether the answer was stored to
    /// its last page (a page that failed leaves the picture incomplete, and what it would have held unknown).
    /// </summary>
    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        var pages = new List<(int Page, bool Truncated)>();
        await answers.ForEachXmlAsync("iam", "GetAccountAuthorizationDetails", a =>
        {
            var evidence = a.Record.Sha256;
            foreach (var u in a.Body.Descendants("UserDetailList").Elements("member"))
            {
                if (u.Text("UserName") is not { } user) continue;
                foreach (var arn in u.Elements("AttachedManagedPolicies").Elements("member").Select(p => p.Text("PolicyArn")).OfType<string>())
                    s.Attachments.Add(new PolicyAttachmentFact(user, arn, evidence));
                foreach (var p in u.Elements("UserPolicyList").Elements("member"))
                    if (p.Text("PolicyName") is { } name && p.Text("PolicyDocument") is { } document)
                        s.InlinePolicies.Add(new InlinePolicyFact(user, name, Uri.UnescapeDataString(document), evidence));
                foreach (var group in u.Elements("GroupList").Elements("member").Select(g => g.Value))
                    s.GroupMemberships.Add(new GroupMembershipFact(user, group, evidence));
                if (Boundary(u) is { } boundary) s.PermissionsBoundaries.Add(new PermissionsBoundaryFact("user", user, boundary, evidence));
            }
            foreach (var g in a.Body.Descendants("GroupDetailList").Elements("member"))
                if (g.Text("GroupName") is { } group)
                    s.PolicyHolders.Add(Holder("group", group, g, "GroupPolicyList", evidence));
            foreach (var r in a.Body.Descendants("RoleDetailList").Elements("member"))
                if (r.Text("RoleName") is { } role)
                {
                    s.PolicyHolders.Add(Holder("role", role, r, "RolePolicyList", evidence));
                    if (Boundary(r) is { } boundary) s.PermissionsBoundaries.Add(new PermissionsBoundaryFact("role", role, boundary, evidence));
                }
            foreach (var p in a.Body.Descendants("Policies").Elements("member"))
                if (p.Text("Arn") is { } arn)
                {
                    var version = p.Elements("PolicyVersionList").Elements("member")
                        .FirstOrDefault(v => v.Text("IsDefaultVersion") == "true" || v.Text("VersionId") == p.Text("DefaultVersionId"));
                    s.ManagedPolicies.Add(new ManagedPolicyFact(arn, p.Text("PolicyName") ?? arn,
                        version?.Text("Document") is { } document ? Uri.UnescapeDataString(document) : null, evidence));
                }
            pages.Add((a.Record.Page ?? 1, a.Body.Descendants("IsTruncated").FirstOrDefault()?.Value == "true"));
            AccountSnapshot.Dedupe(s.Attachments, p => (p.UserName, p.PolicyArn));
            AccountSnapshot.Dedupe(s.InlinePolicies, p => (p.UserName, p.PolicyName));
            AccountSnapshot.Dedupe(s.GroupMemberships, m => (m.UserName, m.GroupName));
            AccountSnapshot.Dedupe(s.PolicyHolders, h => (h.Kind, h.Name));
            AccountSnapshot.Dedupe(s.PermissionsBoundaries, b => (b.Kind, b.Name));
            AccountSnapshot.Dedupe(s.ManagedPolicies, p => p.Arn);
        }, ct).ConfigureAwait(false);
        s.AuthorizationDetailsComplete = pages.Count > 0 && pages.Any(p => p.Page == 1)
                                         && pages.Where(p => p.Truncated).All(p => pages.Any(n => n.Page == p.Page + 1));
    }

    private static string? Boundary(XElement holder) => holder.Element("PermissionsBoundary")?.Text("PermissionsBoundaryArn");

    private static PolicyHolderFact Holder(string kind, string name, XElement e, string inlineList, string evidence)
    {
        var inline = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in e.Elements(inlineList).Elements("member"))
            if (p.Text("PolicyName") is { } policy && p.Text("PolicyDocument") is { } document) inline[policy] = Uri.UnescapeDataString(document);
        return new PolicyHolderFact(kind, name, e.Text("Arn"), inline,
            e.Elements("AttachedManagedPolicies").Elements("member").Select(p => p.Text("PolicyArn")).OfType<string>().ToList(), evidence);
    }
}
