using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Shodo.Aws.S3;

/// <summary>
/// Whether S3 calls a bucket policy public (Block Public Access, "The meaning of 'public'" in the S3 user guide): S3 begins by
/// assuming a policy is public and holds it non-public only when every Allow statement granting to a wildcard principal
/// (<c>*</c>, <c>{"AWS":"*"}</c>, or everyone but a NotPrincipal) is restricted to fixed values — no wildcard, no policy variable —
/// of one of the keys AWS lists (<see cref="FixingKeys"/>). A Condition's keys must all hold, so one such key suffices.
/// aws:SourceIp restricts only with CIDR blocks no broader than /8 (IPv4) or /32 (IPv6): "0.0.0.0/1" is public.
/// s3:DataAccessPointArn may wildcard the access point's name while its account is fixed. A key that does not say who may ask
/// (aws:SecureTransport, s3:prefix, tags, times, ...) restricts nothing, nor does an operator that holds for a request without the
/// key or outside the values: a negated one (StringNotEquals, NotIpAddress), ...IfExists, ForAllValues:, Null.
/// One definition, compiled into the range too (linked, see Shodo.Range.csproj): the range refuses under BlockPublicPolicy what
/// S3 refuses, and Shodo weighs RestrictPublicBuckets where S3 applies it.
/// </summary>
internal static class PublicBucketPolicy
{
    /// <summary>The keys whose fixed values make a statement for everyone non-public (the S3 user guide; the API reference adds the SSE-KMS key id).</summary>
    private static readonly HashSet<string> FixingKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:SourceArn", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceAccount", "aws:SourceOwner", "aws:SourceIp",
        "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalOrgID", "aws:userid",
        "s3:DataAccessPointArn", "s3:DataAccessPointAccount", "s3:x-amz-server-side-encryption-aws-kms-key-id",
    };

    private static readonly HashSet<string> Matching = new(StringComparer.OrdinalIgnoreCase)
    {
        "StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike",
    };

    public static bool IsPublic(JsonNode? policy)
    {
        IEnumerable<JsonObject> statements = policy?["Statement"] switch
        {
            JsonArray a => a.OfType<JsonObject>(),
            JsonObject o => [o],
            _ => [],
        };
        return statements.Any(s => s["Effect"]?.ToString() == "Allow" && ForEveryone(s) && !Restricted(s["Condition"]));
    }

    /// <summary>A Principal of <c>*</c> (or an AWS <c>*</c>), or a NotPrincipal: everyone but those it names.</summary>
    private static bool ForEveryone(JsonObject statement)
    {
        if (statement["NotPrincipal"] is not null) return true;
        return statement["Principal"] switch
        {
            JsonValue v => v.ToString() == "*",
            JsonObject o => Values(o["AWS"]).Contains("*"),
            _ => false,
        };
    }

    private static bool Restricted(JsonNode? condition)
    {
        if (condition is not JsonObject operators) return false;
        foreach (var (op, block) in operators)
        {
            if (block is not JsonObject keys) continue;
            var bare = op.StartsWith("ForAnyValue:", StringComparison.OrdinalIgnoreCase) ? op["ForAnyValue:".Length..] : op;
            foreach (var (key, value) in keys)
            {
                if (!FixingKeys.Contains(key)) continue;
                var values = Values(value).ToList();
                if (values.Count == 0) continue;
                if (string.Equals(key, "aws:SourceIp", StringComparison.OrdinalIgnoreCase))
                {
                    if (string.Equals(bare, "IpAddress", StringComparison.Ordinal) && values.All(NarrowCidr)) return true;
                }
                else if (Matching.Contains(bare) && values.All(v => Fixed(key, v))) return true;
            }
        }
        return false;
    }

    private static bool Fixed(string key, string value)
    {
        if (value.Length == 0 || value.Contains("${", StringComparison.Ordinal)) return false;
        if (string.Equals(key, "s3:DataAccessPointArn", StringComparison.OrdinalIgnoreCase))
        {
            // arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME: the name may be wildcarded, the account and what comes before it may not.
            var slash = value.IndexOf("accesspoint/", StringComparison.Ordinal);
            var head = slash < 0 ? value : value[..slash];
            return head.Split(':') is { Length: >= 6 } parts && parts[4].Length > 0 && !Wild(head);
        }
        return !Wild(value);
    }

    private static bool Wild(string value) => value.Contains('*') || value.Contains('?');

    /// <summary>A CIDR block (or one address) no broader than /8 for IPv4 or /32 for IPv6.</summary>
    private static bool NarrowCidr(string value)
    {
        var slash = value.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? value : value[..slash], out var address)) return false;
        var v4 = address.AddressFamily == AddressFamily.InterNetwork;
        var bits = v4 ? 32 : 128;
        if (slash >= 0 && (!int.TryParse(value[(slash + 1)..], out bits) || bits < 0 || bits > (v4 ? 32 : 128))) return false;
        return bits >= (v4 ? 8 : 32);
    }

    private static IEnumerable<string> Values(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(x => x?.ToString() ?? ""),
        JsonValue v => [v.ToString()],
        _ => [],
    };
}
