using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Safety;

namespace Shodo.Aws.Policy;

/// <summary>
/// The least-privilege IAM policy a responder role needs to run Shodo: the IAM action of every
/// read-only operation in <see cref="OperationCatalog"/> (collection and investigation), plus
/// exactly the interlock's allowlist (containment). Nothing else — in particular no destructive
/// action, since none is declared.
/// </summary>
public static class ResponderPolicy
{
    public static IReadOnlyList<string> ReadActions { get; } = OperationCatalog.All
        .Where(o => o.IsReadOnly).Select(o => o.IamAction).Distinct().Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> ContainmentActions { get; } = MutationAllowlist.Entries
        .Select(e => e.Operation.IamAction).Distinct().Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> AllActions { get; } = ReadActions.Concat(ContainmentActions).Distinct().ToList();

    public static JsonObject Document() => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(
            Statement("ShodoCollectAndInvestigate", ReadActions),
            Statement("ShodoContainWithoutDeleting", ContainmentActions)),
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
