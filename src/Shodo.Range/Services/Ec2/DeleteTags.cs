using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.TagActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DeleteTags: one of <see cref="TagActions"/>.</summary>
internal sealed class DeleteTags : Ec2Action
{
    public override string Name => "DeleteTags";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var ids = Resources(c);
        var members = c.Params.Members("Tag");
        foreach (var id in ids)
        {
            if (members.Count == 0) c.Region.Tags.RemoveAll(id);
            foreach (var m in members) c.Region.Tags.Remove(id, c.Params.Required(m + ".Key"), c.Params.Get(m + ".Value"));
        }
        return [Return()];
    }
}
