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

    /// <summary>Each user's attached managed policies and inline policies.</summary>
    public Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct) =>
        answers.ForEachXmlAsync("iam", "GetAccountAuthorizationDetails", a =>
        {
            foreach (var u in a.Body.Descendants("UserDetailList").Elements("member"))
            {
                if (u.Text("UserName") is not { } user) continue;
                foreach (var arn in u.Elements("AttachedManagedPolicies").Elements("member").Select(p => p.Text("PolicyArn")).OfType<string>())
                    s.Attachments.Add(new PolicyAttachmentFact(user, arn, a.Record.Sha256));
                foreach (var p in u.Elements("UserPolicyList").Elements("member"))
                    if (p.Text("PolicyName") is { } name && p.Text("PolicyDocument") is { } document)
                        s.InlinePolicies.Add(new InlinePolicyFact(user, name, Uri.UnescapeDataString(document), a.Record.Sha256));
            }
            AccountSnapshot.Dedupe(s.Attachments, p => (p.UserName, p.PolicyArn));
            AccountSnapshot.Dedupe(s.InlinePolicies, p => (p.UserName, p.PolicyName));
        }, ct);
}
