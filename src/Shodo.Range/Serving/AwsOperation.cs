namespace Shodo.Range.Serving;

/// <summary>
/// What a request asks for: the operation's name (as in the service model and CloudTrail's
/// eventName), the IAM action authorization checks, the resource ARN it acts on ("*" when none),
/// whether it only reads (CloudTrail's readOnly) and whether CloudTrail counts it as a data event
/// (S3 object-level calls) rather than a management event.
/// </summary>
public sealed record AwsOperation(
    string Name, string IamAction, bool ReadOnly, string Resource = "*", bool DataEvent = false);
