using System.Xml.Linq;
using Shodo.Range.State;

namespace Shodo.Range.Services.S3;

/// <summary>The account as an S3 owner: its canonical user id.</summary>
internal static class S3Owner
{
    public static XElement Element(RangeState state, string name = "Owner") =>
        S3Xml.E(name, S3Xml.E("ID", state.CanonicalUserId));
}
