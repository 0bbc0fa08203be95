using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.S3Control;

/// <summary>The account's Block Public Access settings, as S3 Control's GetPublicAccessBlock answers them.</summary>
public sealed record AccountPublicAccessBlock(bool BlockPublicAcls, bool IgnorePublicAcls, bool BlockPublicPolicy, bool RestrictPublicBuckets)
{
    /// <summary>From a <c>PublicAccessBlockConfiguration</c> element (namespaces removed); a setting left out is off.</summary>
    public static AccountPublicAccessBlock From(XElement configuration) => new(configuration.Bool("BlockPublicAcls"),
        configuration.Bool("IgnorePublicAcls"), configuration.Bool("BlockPublicPolicy"), configuration.Bool("RestrictPublicBuckets"));
}
