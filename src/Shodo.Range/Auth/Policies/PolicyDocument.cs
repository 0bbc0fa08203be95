using System.Collections.Concurrent;
using System.Text.Json;

namespace Shodo.Range.Auth.Policies;

/// <summary>
/// An IAM policy document parsed from JSON. Malformed documents throw
/// <see cref="MalformedPolicyException"/> (IAM answers MalformedPolicyDocument).
/// </summary>
public sealed class PolicyDocument
{
    private static readonly ConcurrentDictionary<string, PolicyDocument> Cache = new(StringComparer.Ordinal);

    private PolicyDocument(IReadOnlyList<PolicyStatement> statements) => Statements = statements;

    public IReadOnlyList<PolicyStatement> Statements { get; }

    /// <summary>Parses (and caches) a document; the range parses the same few documents on every call.</summary>
    public static PolicyDocument Parse(string json)
    {
        if (Cache.TryGetValue(json, out var cached)) return cached;
        var parsed = ParseUncached(json);
        if (Cache.Count < 10_000) Cache[json] = parsed;
        return parsed;
    }

    private static PolicyDocument ParseUncached(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new MalformedPolicyException("Syntax errors in policy. " + e.Message); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !TryGet(root, "Statement", out var statement))
                throw new MalformedPolicyException("Missing required field Statement");
            var statements = statement.ValueKind == JsonValueKind.Array
                ? statement.EnumerateArray().Select(ParseStatement).ToList()
                : [ParseStatement(statement)];
            return new PolicyDocument(statements);
        }
    }

    private static PolicyStatement ParseStatement(JsonElement s)
    {
        if (s.ValueKind != JsonValueKind.Object) throw new MalformedPolicyException("Statement must be an object");
        var effect = TryGet(s, "Effect", out var e) ? e.GetString() : null;
        if (effect is not ("Allow" or "Deny")) throw new MalformedPolicyException("Invalid effect: " + effect);
        var actions = List(s, "Action");
        var notActions = List(s, "NotAction");
        if (actions is null == notActions is null)
            throw new MalformedPolicyException("Policy statement must contain exactly one of Action or NotAction");
        var conditions = new List<PolicyCondition>();
        if (TryGet(s, "Condition", out var condition) && condition.ValueKind == JsonValueKind.Object)
            foreach (var op in condition.EnumerateObject())
                foreach (var key in op.Value.EnumerateObject())
                    conditions.Add(new PolicyCondition(op.Name, key.Name, Strings(key.Value)));
        return new PolicyStatement(TryGet(s, "Sid", out var sid) ? sid.ToString() : null, effect == "Allow",
            actions, notActions, List(s, "Resource"), List(s, "NotResource"), conditions, Principal(s));
    }

    private static PolicyPrincipal? Principal(JsonElement s)
    {
        if (!TryGet(s, "Principal", out var p)) return null;
        if (p.ValueKind == JsonValueKind.String) return new PolicyPrincipal(p.GetString() == "*", new Dictionary<string, IReadOnlyList<string>>());
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var kind in p.EnumerateObject()) values[kind.Name] = Strings(kind.Value);
        return new PolicyPrincipal(false, values);
    }

    private static IReadOnlyList<string>? List(JsonElement s, string name) =>
        TryGet(s, name, out var v) ? Strings(v) : null;

    private static IReadOnlyList<string> Strings(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Array => v.EnumerateArray().Select(x => x.ToString()).ToList(),
        _ => [v.ToString()],
    };

    private static bool TryGet(JsonElement o, string name, out JsonElement value)
    {
        foreach (var p in o.EnumerateObject())
            if (p.Name == name) { value = p.Value; return true; }
        value = default;
        return false;
    }
}

public sealed class MalformedPolicyException(string message) : Exception(message);
