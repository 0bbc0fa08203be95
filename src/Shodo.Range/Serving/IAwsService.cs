namespace Shodo.Range.Serving;

/// <summary>
/// One AWS service on the range. Adding a service is one class implementing this plus one line in
/// <see cref="ServiceCatalog"/>. The dispatcher authenticates, asks <see cref="Resolve"/> which
/// operation the request is, authorizes the caller for it, calls <see cref="HandleAsync"/>, renders
/// the result or error in <see cref="Protocol"/>, and records a CloudTrail event.
/// </summary>
public interface IAwsService
{
    /// <summary>Signing name in the SigV4 credential scope: iam, sts, ec2, s3, cloudtrail, rds.</summary>
    string Name { get; }

    /// <summary>CloudTrail eventSource, e.g. <c>iam.amazonaws.com</c>.</summary>
    string EventSource { get; }

    AwsProtocol Protocol { get; }

    /// <summary>XML namespace of Query/EC2/S3 responses, from the service model (empty for JSON).</summary>
    string XmlNamespace { get; }

    /// <summary>Global services (IAM, STS) record their events in us-east-1.</summary>
    bool IsGlobal { get; }

    /// <summary>Which operation the request is. Throws <see cref="AwsError"/> for an unknown action.</summary>
    AwsOperation Resolve(AwsRequest request);

    Task<AwsResponse> HandleAsync(AwsCall call, CancellationToken ct);
}
