using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Protocols;
using Shodo.Aws.CloudTrail.Model;

namespace Shodo.Aws.CloudTrail.Calls;

/// <summary>
/// cloudtrail:ListPublicKeys — the public keys whose private halves signed digest files in the time
/// range (DER-encoded PKCS#1 RSA keys, base64 on the wire), paged by NextToken.
/// </summary>
public sealed record ListPublicKeys(DateTimeOffset? StartTime = null, DateTimeOffset? EndTime = null) : JsonPagedCall<TrailDigestKey>
{
    public override AwsOperation Operation => CloudTrailOperations.ListPublicKeys;

    public override void Write(JsonObject body)
    {
        if (StartTime is { } start) body["StartTime"] = Json.EpochSeconds(start);
        if (EndTime is { } end) body["EndTime"] = Json.EpochSeconds(end);
    }

    public override IReadOnlyList<TrailDigestKey> Read(JsonElement r) => r.Items("PublicKeyList")
        .Where(k => k.Text("Value") is not null && k.Text("Fingerprint") is not null)
        .Select(k => new TrailDigestKey(k.Text("Fingerprint")!, Convert.FromBase64String(k.Text("Value")!),
            k.Date("ValidityStartTime"), k.Date("ValidityEndTime")))
        .ToList();
}
