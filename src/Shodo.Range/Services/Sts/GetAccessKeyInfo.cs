using Shodo.Range.Serving;

namespace Shodo.Range.Services.Sts;

/// <summary>
/// The account an access key belongs to. Keys of this range answer its account; others are decoded
/// as AWS encodes the account in the key id (base32 after the four-letter prefix).
/// </summary>
public sealed class GetAccessKeyInfo : QueryAction
{
    public override string Name => "GetAccessKeyInfo";

    public override AwsResponse Handle(AwsCall call)
    {
        var id = call.Request.RequiredParam("AccessKeyId");
        if (id.Length < 16 || id.Length > 128)
            throw new AwsError("ValidationError", $"1 validation error detected: Value '{id}' at 'accessKeyId' failed to satisfy constraint: Member must have length greater than or equal to 16", 400);
        var iam = call.State.Iam;
        var account = iam.AccessKeys.ContainsKey(id) || iam.Sessions.ContainsKey(id) ? call.AccountId : Decode(id);
        return new XmlResult(Xml.E("Account", account)!);
    }

    public static string Decode(string accessKeyId)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ulong bits = 0;
        var count = 0;
        var bytes = new List<byte>();
        foreach (var c in accessKeyId[4..])
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c));
            if (value < 0) continue;
            bits = (bits << 5) | (uint)value;
            count += 5;
            if (count >= 8) { bytes.Add((byte)(bits >> (count - 8))); count -= 8; }
        }
        while (bytes.Count < 6) bytes.Add(0);
        ulong z = 0;
        for (var i = 0; i < 6; i++) z = (z << 8) | bytes[i];
        return ((z & 0x7fffffffff80UL) >> 7).ToString("D12");
    }
}
