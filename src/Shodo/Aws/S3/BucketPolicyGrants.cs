using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Policy;

namespace Shodo.Aws.S3;

/// <summary>
/// Whom a bucket policy lets in and whom it shuts out, as S3 reads principals: <c>*</c> (or <c>{"AWS":"*"}</c>) is
/// everyone, written <c>all</c>; an AWS principal (an account id, or an ARN: its account) is that account. Service
/// principals and federated ones are no outside account and are left out. An Allow's conditions are not weighed: a statement
/// for <c>*</c> with a condition still counts as everyone (the cautious reading during an incident).
/// </summary>
public static class BucketPolicyGrants
{
    public const string Everyone = "all";

    /// <summary>The accounts (and <c>all</c>) Allow statements name, minus the owner.</summary>
    public static IReadOnlyList<string> Allowed(JsonNode? policy, string? owner) => Principals(policy, "Allow", owner);

    /// <summary>
    /// The accounts (and <c>all</c>) that Deny statements shut out of reading the bucket's objects for certain, minus the owner: an
    /// unconditional Deny over s3:GetObject (its Action matching it, or a NotAction not). A Deny under a condition — the common
    /// "DenyInsecureTransport", everyone when aws:SecureTransport is false — or over other actions shuts no one out.
    /// </summary>
    public static IReadOnlyList<string> Denied(JsonNode? policy, string? owner) =>
        Principals(Statements(policy).Where(s => s["Condition"] is null && PolicyGrant.ActionApplies(s, "s3:GetObject")), "Deny", owner);

    /// <summary>
    /// Whether S3 calls the policy public (<see cref="PublicBucketPolicy"/>: an Allow for everyone not held to fixed values of the
    /// keys AWS lists — aws:SecureTransport holds no one to anything). With RestrictPublicBuckets on, S3 then lets no one outside
    /// the account in through it — "public and cross-account access within any public bucket policy, including non-public
    /// delegation to specific accounts, is blocked" (botocore's s3 model). A policy S3 does not call public is not restricted: the
    /// outside accounts it names are then taken as still let in.
    /// </summary>
    public static bool IsPublic(JsonNode? policy) => PublicBucketPolicy.IsPublic(policy);

    /// <summary>A policy as its text parses, or null when it does not (an unreadable policy shuts no one out).</summary>
    public static JsonObject? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IEnumerable<JsonObject> Statements(JsonNode? policy) => policy?["Statement"] switch
    {
        JsonArray a => a.OfType<JsonObject>(),
        JsonObject o => [o],
        _ => [],
    };

    private static IReadOnlyList<string> Principals(JsonNode? policy, string effect, string? owner) => Principals(Statements(policy), effect, owner);

    private static IReadOnlyList<string> Principals(IEnumerable<JsonObject> statements, string effect, string? owner) =>
        statements.Where(s => (string?)s["Effect"] == effect).SelectMany(s => Of(s["Principal"]))
            .Where(p => p != owner).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> Of(JsonNode? principal)
    {
        if (principal is JsonValue v) return v.ToString() == "*" ? [Everyone] : [];
        if (principal is not JsonObject o) return [];
        IEnumerable<string> aws = o["AWS"] switch
        {
            JsonArray a => a.Select(x => x?.ToString() ?? ""),
            JsonValue one => [one.ToString()],
            _ => [],
        };
        return aws.Select(Account).OfType<string>();
    }

    /// <summary><c>*</c> is everyone; <c>arn:aws:iam::123456789012:root</c> (or a user or role in it) and a bare id are the account.</summary>
    private static string? Account(string principal)
    {
        if (principal == "*") return Everyone;
        if (principal.StartsWith("arn:", StringComparison.Ordinal))
            return principal.Split(':') is { Length: >= 6 } parts && parts[4].Length == 12 ? parts[4] : null;
        return principal.Length == 12 && principal.All(char.IsAsciiDigit) ? principal : null;
    }
}
