namespace Shodo.Range.Serving;

/// <summary>
/// The same failure has a different code in each protocol: an unknown key is InvalidClientTokenId
/// for IAM/STS, AuthFailure for EC2, UnrecognizedClientException for JSON services and
/// InvalidAccessKeyId for S3. Services and the dispatcher throw the Query code; this translates. Server
/// failures as each service's references list them: EC2's InternalError, Unavailable and RequestLimitExceeded,
/// IAM's ServiceFailure, S3's InternalError, ServiceUnavailable and SlowDown, Organizations' TooManyRequestsException, and AWS's common errors
/// (InternalFailure, ServiceUnavailable, Throttling/ThrottlingException) elsewhere.
/// </summary>
public static class ProtocolErrors
{
    public const string InvalidClientTokenId = "InvalidClientTokenId";
    public const string SignatureDoesNotMatch = "SignatureDoesNotMatch";
    public const string ExpiredToken = "ExpiredToken";
    public const string AccessDenied = "AccessDenied";
    public const string Throttling = "Throttling";
    public const string InternalFailure = "InternalFailure";
    public const string ServiceUnavailable = "ServiceUnavailable";
    public const string MissingAuthenticationToken = "MissingAuthenticationToken";

    public static AwsError InvalidToken() =>
        new(InvalidClientTokenId, "The security token included in the request is invalid.", 403);
    public static AwsError BadSignature() =>
        new(SignatureDoesNotMatch, "The request signature we calculated does not match the signature you provided. " +
            "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", 403);
    public static AwsError Expired() =>
        new(ExpiredToken, "The security token included in the request is expired", 403);
    public static AwsError Denied(string message) => new(AccessDenied, message, 403);
    public static AwsError Throttled() => new(Throttling, "Rate exceeded", 400);
    public static AwsError Internal() =>
        new(InternalFailure, "We encountered an internal error. Please try again.", 500, senderFault: false);
    public static AwsError Unavailable() => AwsError.ServiceUnavailable();
    public static AwsError MissingToken() =>
        new(MissingAuthenticationToken, "Request is missing Authentication Token", 403);

    /// <summary>
    /// The error as <paramref name="protocol"/> spells it (and, where a service models its own code for a
    /// server failure, as that <paramref name="service"/> does: IAM's ServiceFailure); other codes pass unchanged.
    /// </summary>
    public static AwsError Translate(AwsError e, AwsProtocol protocol, string? service = null) => (protocol, e.Code) switch
    {
        (AwsProtocol.Query, InternalFailure) when service == "iam" =>
            new("ServiceFailure", "The request processing has failed because of an unknown error, exception or failure.", 500, false),
        (AwsProtocol.Ec2, InvalidClientTokenId or SignatureDoesNotMatch or MissingAuthenticationToken) =>
            new("AuthFailure", "AWS was not able to validate the provided access credentials", 401),
        (AwsProtocol.Ec2, ExpiredToken) => new("RequestExpired", "Request has expired.", 400),
        (AwsProtocol.Ec2, AccessDenied) =>
            new("UnauthorizedOperation", "You are not authorized to perform this operation. " + e.Message, 403),
        (AwsProtocol.Ec2, Throttling) => new("RequestLimitExceeded", "Request limit exceeded.", 503),
        (AwsProtocol.Ec2, InternalFailure) => new("InternalError", "An internal error has occurred", 500, false),
        (AwsProtocol.Ec2, ServiceUnavailable) => new("Unavailable", "The server is overloaded and can't handle the request.", 503, false),

        (AwsProtocol.Json, InvalidClientTokenId) => new("UnrecognizedClientException", e.Message, 400),
        (AwsProtocol.Json, SignatureDoesNotMatch) => new("InvalidSignatureException", e.Message, 400),
        (AwsProtocol.Json, ExpiredToken) => new("ExpiredTokenException", e.Message, 400),
        (AwsProtocol.Json, AccessDenied) => new("AccessDeniedException", e.Message, 400),
        (AwsProtocol.Json, Throttling) when service == "organizations" => new("TooManyRequestsException", e.Message, 400),
        (AwsProtocol.Json, Throttling) => new("ThrottlingException", e.Message, 400),
        (AwsProtocol.Json, ServiceUnavailable) => new("ServiceUnavailable", e.Message, 503, false),

        (AwsProtocol.RestJson, InvalidClientTokenId) => new("UnrecognizedClientException", e.Message, 403),
        (AwsProtocol.RestJson, SignatureDoesNotMatch) => new("InvalidSignatureException", e.Message, 403),
        (AwsProtocol.RestJson, ExpiredToken) => new("ExpiredTokenException", e.Message, 403),
        (AwsProtocol.RestJson, AccessDenied) => new("AccessDeniedException", e.Message, 403),
        (AwsProtocol.RestJson, Throttling) => new("ThrottlingException", e.Message, 429),
        (AwsProtocol.RestJson, InternalFailure) when service == "ram" => new("ServerInternalException", e.Message, 500, false),
        (AwsProtocol.RestJson, ServiceUnavailable) when service == "ram" => new("ServiceUnavailableException", e.Message, 503, false),

        (AwsProtocol.RestXml, InvalidClientTokenId) =>
            new("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403),
        (AwsProtocol.RestXml, ExpiredToken) => new("ExpiredToken", "The provided token has expired.", 400),
        (AwsProtocol.RestXml, MissingAuthenticationToken) => new("AccessDenied", "Access Denied", 403),
        (AwsProtocol.RestXml, Throttling) => new("SlowDown", "Please reduce your request rate.", 503),
        (AwsProtocol.RestXml, InternalFailure) => new("InternalError", "We encountered an internal error. Please try again.", 500, false),
        (AwsProtocol.RestXml, ServiceUnavailable) => new("ServiceUnavailable", "Please reduce your request rate.", 503, false),
        _ => e,
    };
}
