using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Safety;

namespace Shodo.Aws.Policy;

/// <summary>
/// The least-privilege IAM policy a responder role needs to run Shodo: the IAM action of every
/// read-only operation in <see cref="OperationCatalog"/> (collection and investigation), plus
/// exactly the interlock's allowlist (containment), plus — in a statement of their own, which an organisation that never
/// approves them removes — the approved destructive steps (<see cref="ApprovedDestructiveSteps"/>: kms:RevokeGrant), which
/// the interlock lets through only inside an approved step. Nothing else.
/// </summary>
public static class ResponderPolicy
{
    public static IReadOnlyList<string> ReadActions { get; } = OperationCatalog.All
        .Where(o => o.IsReadOnly).Select(o => o.IamAction).Distinct().Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> ContainmentActions { get; } = MutationAllowlist.Entries
        .Select(e => e.Operation.IamAction).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The IAM actions of the approved destructive steps, granted in their own statement.</summary>
    public static IReadOnlyList<string> ApprovedDestructiveActions { get; } = ApprovedDestructiveSteps.Entries
        .Select(e => e.Operation.IamAction).Distinct().Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> AllActions { get; } = ReadActions.Concat(ContainmentActions).Concat(ApprovedDestructiveActions).Distinct().ToList();

    public static JsonObject Document() => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(
            Statement("ShodoCollectAndInvestigate", ReadActions),
            Statement("ShodoContainWithoutDeleting", ContainmentActions),
            Statement("ShodoApprovedDestructiveSteps", ApprovedDestructiveActions)),
    };

    public static string Json() => Document().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static JsonObject Statement(string sid, IEnumerable<string> actions) => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Allow",
        ["Action"] = new JsonArray(actions.Select(a => (JsonNode)a!).ToArray()),
        ["Resource"] = "*",
    };
}
