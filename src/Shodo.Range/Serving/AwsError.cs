namespace Shodo.Range.Serving;

/// <summary>
/// An AWS error response. The dispatcher renders it in the service's protocol (Query
/// &lt;ErrorResponse&gt;, EC2 &lt;Response&gt;&lt;Errors&gt;, JSON __type, S3 &lt;Error&gt;) and records it in
/// CloudTrail with errorCode and errorMessage. Codes are the ones in botocore's models.
/// </summary>
public sealed class AwsError(string code, string message, int status = 400, bool senderFault = true)
    : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
    public bool SenderFault { get; } = senderFault;
    /// <summary>The Reason member some JSON errors model (Organizations' InvalidInputException, ConstraintViolationException).</summary>
    public string? Reason { get; init; }

    /// <summary>Elements an S3 error carries after its Message (PermanentRedirect's Endpoint and Bucket), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];

    /// <summary>Headers the error response carries (S3's <c>x-amz-bucket-region</c>), HEAD answers included.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static AwsError MissingParameter(string name) =>
        new("MissingParameter", $"The request must contain the parameter {name}");
    public static AwsError InvalidParameterValue(string message) => new("InvalidParameterValue", message);
    public static AwsError InvalidAction(string action) =>
        new("InvalidAction", $"The action {action} is not valid for this web service.");
    public static AwsError NoSuchEntity(string message) => new("NoSuchEntity", message, 404);
    public static AwsError Throttling(string code = "Throttling") => new(code, "Rate exceeded", 400);
    public static AwsError ServiceUnavailable() => new("ServiceUnavailable", "Service is unavailable. Please try again.", 503, senderFault: false);
}
