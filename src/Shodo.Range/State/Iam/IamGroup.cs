namespace Shodo.Range.State.Iam;

public sealed class IamGroup
{
    public required string GroupName { get; set; }
    public required string GroupId { get; set; }
    public string Path { get; set; } = "/";
    public required string Arn { get; set; }
    public DateTimeOffset CreateDate { get; set; }
    public List<string> Members { get; set; } = [];
    public Dictionary<string, string> InlinePolicies { get; set; } = new(StringComparer.Ordinal);
    public List<string> AttachedPolicyArns { get; set; } = [];
}
