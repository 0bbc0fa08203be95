namespace Shodo.Range.Auth.Policies;

/// <summary>One statement of an IAM policy, as parsed (single strings normalised to lists).</summary>
public sealed record PolicyStatement(
    string? Sid,
    bool IsAllow,
    IReadOnlyList<string>? Actions,
    IReadOnlyList<string>? NotActions,
    IReadOnlyList<string>? Resources,
    IReadOnlyList<string>? NotResources,
    IReadOnlyList<PolicyCondition> Conditions,
    PolicyPrincipal? Principal);

/// <summary>One condition: operator (e.g. DateLessThan, StringLikeIfExists), key and the values it allows.</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values);

/// <summary>A trust policy's Principal: "*" or a map of AWS / Service / Federated to values.</summary>
public sealed record PolicyPrincipal(bool Everyone, IReadOnlyDictionary<string, IReadOnlyList<string>> Values);
