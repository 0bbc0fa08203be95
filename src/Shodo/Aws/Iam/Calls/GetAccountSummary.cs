using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:GetAccountSummary — counts and quotas (Users, Roles, AccessKeysPerUserQuota, ...).</summary>
public sealed record GetAccountSummary : QueryCall<IReadOnlyDictionary<string, int>>
{
    public override AwsOperation Operation => IamOperations.GetAccountSummary;
    public override IReadOnlyDictionary<string, int> Read(XElement r)
    {
        var summary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in r.Items("SummaryMap", "entry"))
            if (int.TryParse(entry.Text("value"), out var v)) summary[entry.Required("key")] = v;
        return summary;
    }
}
