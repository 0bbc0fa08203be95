using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.KeyPairActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DeleteKeyPair: one of <see cref="KeyPairActions"/>.</summary>
internal sealed class DeleteKeyPair : Ec2Action
{
    public override string Name => "DeleteKeyPair";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var name = c.Params.Get("KeyName");
        var id = c.Params.Get("KeyPairId");
        if (name is null && id is null) throw AwsError.MissingParameter("KeyName");
        var pair = c.Region.KeyPairs.FirstOrDefault(k => k.KeyName == name || k.KeyPairId == id);
        if (pair is not null)
        {
            c.Region.KeyPairs.Remove(pair);
            c.Region.Tags.RemoveAll(pair.KeyPairId);
        }
        return [Return(), V("keyPairId", pair?.KeyPairId)];
    }
}
