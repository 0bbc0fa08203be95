namespace Shodo.Range.Serving;

/// <summary>The wire protocols of the AWS services the range speaks (as named in botocore's models).</summary>
public enum AwsProtocol
{
    /// <summary>Form POST, XML result wrapped in &lt;OperationResponse&gt;, &lt;ErrorResponse&gt; errors (IAM, STS, RDS).</summary>
    Query,
    /// <summary>EC2's dialect of Query: no Result wrapper, &lt;Response&gt;&lt;Errors&gt; errors.</summary>
    Ec2,
    /// <summary>JSON 1.1: X-Amz-Target header, __type errors (CloudTrail).</summary>
    Json,
    /// <summary>REST with XML bodies, path-style buckets (S3).</summary>
    RestXml,
    /// <summary>REST with JSON bodies: the operation in the path (<c>POST /getresourceshares</c>), x-amzn-ErrorType errors (RAM).</summary>
    RestJson,
}
