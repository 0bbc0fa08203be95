using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>ListPublicKeys: the public keys that verify digest files (DER PKCS#1, base64 on the wire).</summary>
internal sealed class ListPublicKeys : CloudTrailAction
{
    public override string Name => "ListPublicKeys";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var key = call.State.DigestKey;
        return new JsonObject
        {
            ["PublicKeyList"] = new JsonArray(new JsonObject
            {
                ["Value"] = Convert.ToBase64String(key.PublicKeyDer),
                ["ValidityStartTime"] = CloudTrailJson.Epoch(key.ValidFrom),
                ["ValidityEndTime"] = CloudTrailJson.Epoch(key.ValidFrom.AddYears(5)),
                ["Fingerprint"] = key.Fingerprint,
            }),
        };
    }
}
