namespace Shodo.Range.State.Iam;

public sealed record IamTag(string Key, string Value);
