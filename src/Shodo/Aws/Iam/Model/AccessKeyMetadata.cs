using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Model;

/// <summary>An access key's metadata (botocore <c>AccessKeyMetadata</c>); never the secret.</summary>
public sealed record AccessKeyMetadata(string UserName, string AccessKeyId, string Status, DateTimeOffset? CreateDate)
{
    public static AccessKeyMetadata From(XElement e) =>
        new(e.Required("UserName"), e.Required("AccessKeyId"), e.Required("Status"), e.Date("CreateDate"));
}

/// <summary>When and where a key was last used (botocore <c>AccessKeyLastUsed</c>).</summary>
public sealed record AccessKeyLastUsed(string? UserName, DateTimeOffset? LastUsedDate, string? ServiceName, string? Region)
{
    public static AccessKeyLastUsed From(XElement result)
    {
        var used = result.Child("AccessKeyLastUsed");
        return new(result.Text("UserName"), used?.Date("LastUsedDate"), used?.Text("ServiceName"), used?.Text("Region"));
    }
}
