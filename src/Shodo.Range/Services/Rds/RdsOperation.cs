using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>One RDS operation: its Action name, whether it only reads, and its handler.</summary>
public sealed record RdsOperation(string Name, bool ReadOnly, Func<AwsCall, XmlResult> Handle);
