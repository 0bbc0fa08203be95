using Shodo.Aws;
using System.Text.Json;
using Shodo.Evidence.Snapshot;

namespace Shodo.Investigation.Suspicion;

/// <summary>
/// Which users the recorded state shows holding admin-equivalent rights: AdministratorAccess or IAMFullAccess attached,
/// or an inline policy allowing <c>*</c>, <c>*:*</c>, <c>iam:*</c> or the rights to attach or write policies (with which
/// a principal makes itself admin). Rights through groups are not weighed (the snapshot does not carry them).
/// </summary>
public sealed class AdminEquivalence
{
    private static readonly HashSet<string> AdminPolicies = new(StringComparer.Ordinal)
    {
        "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/IAMFullAccess",
    };

    private static readonly HashSet<string> AdminActions = new(StringComparer.OrdinalIgnoreCase)
    {
        "*", "*:*", "iam:*", "iam:Attach*", "iam:Put*", "iam:AttachUserPolicy", "iam:AttachRolePolicy", "iam:AttachGroupPolicy",
        "iam:PutUserPolicy", "iam:PutRolePolicy", "iam:PutGroupPolicy", "iam:CreatePolicyVersion",
    };

    private readonly Dictionary<string, List<string>> _why = new(StringComparer.Ordinal);

    /// <summary>Reads the snapshot's attachments and the stored GetUserPolicy answers.</summary>
    public static async Task<AdminEquivalence> ReadAsync(AccountSnapshot state, StoredAnswers answers, CancellationToken ct)
    {
        var result = new AdminEquivalence();
        foreach (var a in state.Attachments.Where(a => IsAdminPolicy(a.PolicyArn)))
            result.Add(a.UserName, a.PolicyArn[(a.PolicyArn.LastIndexOf('/') + 1)..]);
        foreach (var p in state.InlinePolicies.Where(p => AllowsAdmin(p.Document)))
            result.Add(p.UserName, $"{p.PolicyName} (inline)");
        await answers.ForEachXmlAsync("iam", "GetUserPolicy", a =>
        {
            var user = a.Body.Descendants("UserName").FirstOrDefault()?.Value ?? a.Parameter("UserName");
            var name = a.Body.Descendants("PolicyName").FirstOrDefault()?.Value ?? a.Parameter("PolicyName") ?? "inline";
            var document = a.Body.Descendants("PolicyDocument").FirstOrDefault()?.Value;
            if (user is not null && document is not null && AllowsAdmin(Uri.UnescapeDataString(document)))
                result.Add(user, $"{name} (inline)");
        }, ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>Why the user is admin-equivalent (policy names), or empty when the recorded state does not show it.</summary>
    public IReadOnlyList<string> Why(string userName) => _why.GetValueOrDefault(userName) ?? [];

    private void Add(string user, string why)
    {
        if (!_why.TryGetValue(user, out var list)) _why[user] = list = [];
        if (!list.Contains(why)) list.Add(why);
    }

    /// <summary>Whether a managed policy is admin-equivalent (AdministratorAccess, IAMFullAccess).</summary>
    public static bool IsAdminPolicy(string policyArn) => AdminPolicies.Contains(AwsPartition.InCommercial(policyArn));

    /// <summary>Whether a policy document has an Allow statement for an admin-equivalent action on any resource.</summary>
    public static bool AllowsAdmin(string document)
    {
        try
        {
            using var json = JsonDocument.Parse(document);
            var statements = json.RootElement.TryGetProperty("Statement", out var s) ? s : default;
            var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList()
                : statements.ValueKind == JsonValueKind.Object ? [statements] : [];
            return list.Any(st => st.TryGetProperty("Effect", out var e) && e.GetString() == "Allow"
                                  && st.TryGetProperty("Action", out var action) && Strings(action).Any(AdminActions.Contains));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!),
        _ => [],
    };
}
