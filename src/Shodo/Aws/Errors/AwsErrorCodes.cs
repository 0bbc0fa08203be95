using Shodo.Diagnostics;

namespace Shodo.Aws.Errors;

/// <summary>
/// What an AWS error code means for the responder: which exit code it maps to and whether trying
/// again can help. Codes as in the botocore models and AWS's common errors.
/// </summary>
public static class AwsErrorCodes
{
    public static IReadOnlySet<string> AccessDenied { get; } = Set(
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess",
        "AuthorizationError", "Forbidden");

    public static IReadOnlySet<string> CredentialsRejected { get; } = Set(
        "InvalidClientTokenId", "AuthFailure", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException",
        "UnrecognizedClientException", "InvalidAccessKeyId", "IncompleteSignature", "MissingAuthenticationToken",
        "InvalidToken", "RequestExpired", CredentialsUnavailable);

    /// <summary>botocore's standard retry mode list (retries/standard.py), plus EC2 and RDS variants.</summary>
    public static IReadOnlySet<string> Throttling { get; } = Set(
        "Throttling", "ThrottlingException", "ThrottledException", "RequestLimitExceeded", "TooManyRequestsException",
        "SlowDown", "RequestThrottled", "RequestThrottledException", "ProvisionedThroughputExceededException",
        "BandwidthLimitExceeded", "LimitExceededException", "PriorRequestNotComplete", "EC2ThrottledException",
        "TransactionInProgressException");

    /// <summary>Errors AWS documents as transient besides throttling.</summary>
    public static IReadOnlySet<string> Transient { get; } = Set(
        "InternalError", "InternalFailure", "ServiceUnavailable", "ServiceUnavailableException",
        "InternalServerError", "RequestTimeout", "RequestTimeoutException", "IDPCommunicationError");

    /// <summary>Codes Shodo itself uses for failures that never got an AWS answer.</summary>
    public const string Unreachable = "Unreachable";

    /// <summary>Shodo's code for credentials that could not be obtained at signing time (expired SSO token, failed credential process).</summary>
    public const string CredentialsUnavailable = "CredentialsUnavailable";

    public static ExitCode ExitCodeFor(string code, int httpStatus)
    {
        if (code == Unreachable) return ExitCode.Unreachable;
        if (AccessDenied.Contains(code)) return ExitCode.AccessDenied;
        if (CredentialsRejected.Contains(code)) return ExitCode.NoCredentials;
        if (Throttling.Contains(code) || httpStatus == 429) return ExitCode.Throttled;
        return ExitCode.Failure;
    }

    public static bool IsRetryable(string code, int httpStatus) =>
        code == Unreachable || Throttling.Contains(code) || Transient.Contains(code) || httpStatus == 429 || httpStatus >= 500;

    private static HashSet<string> Set(params string[] codes) => new(codes, StringComparer.Ordinal);
}
