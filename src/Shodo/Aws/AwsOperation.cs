namespace Shodo.Aws;

/// <summary>
/// One AWS API operation Shodo can send: the service's IAM prefix (iam, ec2, s3...), the operation
/// name as in the botocore model and in CloudTrail's eventName, and the IAM action a caller needs
/// for it (usually <c>service:Name</c>; S3 differs, e.g. ListBuckets needs s3:ListAllMyBuckets).
/// Whether it may change state is decided by its name (<see cref="Safety.OperationVerbs"/>), not
/// by anything the declaration claims.
/// </summary>
public sealed record AwsOperation(string Service, string Name, string IamAction)
{
    public static AwsOperation Of(string service, string name, string? iamAction = null) =>
        new(service, name, iamAction ?? $"{service}:{name}");

    /// <summary><c>service:Name</c>, e.g. <c>iam:UpdateAccessKey</c>.</summary>
    public string Key => $"{Service}:{Name}";

    public bool IsReadOnly => Safety.OperationVerbs.IsReadOnly(Name);

    public override string ToString() => Key;
}
