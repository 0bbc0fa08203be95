namespace Shodo.Range.Serving;

/// <summary>
/// What a request asks for: the operation's name (as in the service model and CloudTrail's
/// eventName), the IAM action authorization checks, the resource ARN it acts on ("*" when none)
/// and whether it only reads (CloudTrail's readOnly).
/// </summary>
public sealed record AwsOperation(string Name, string IamAction, bool ReadOnly, string Resource = "*");
