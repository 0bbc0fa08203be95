using Shodo.Diagnostics;

namespace Shodo.Aws.Errors;

/// <summary>
/// What an AWS error code means for the responder: which exit code it maps to and whether trying
/// again can help. Codes as in the botocore models and AWS's common errors; what is retried is
/// botocore's: <c>botocore/data/_retry.json</c> (the general policies and each service's own) and
/// the standard retry mode's lists (<c>botocore/retries/standard.py</c>).
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

    /// <summary>botocore's standard retry mode: every code seen to mean "throttled" (ThrottledRetryableChecker).</summary>
    public static IReadOnlySet<string> Throttling { get; } = Set(
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException");

    /// <summary>botocore's standard retry mode: codes that are transient whatever the status (TransientRetryableChecker).</summary>
    public static IReadOnlySet<string> Transient { get; } = Set(
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete");

    /// <summary>
    /// The codes AWS answers with a server-side (5xx) failure — AWS's common errors (InternalFailure,
    /// ServiceUnavailable), EC2's InternalError and Unavailable, IAM's ServiceFailure, S3's InternalError —
    /// retried like their status even where a reader lost it.
    /// </summary>
    public static IReadOnlySet<string> ServerFaults { get; } = Set(
        "InternalFailure", "InternalError", "InternalServerError", "InternalServerException", "ServiceUnavailable",
        "ServiceUnavailableException", "Unavailable", "ServiceFailure", "ServiceFailureException");

    /// <summary>_retry.json's general policies by HTTP status: 429, 500, 502, 503, 504 and 509.</summary>
    public static IReadOnlySet<int> TransientStatuses { get; } = new HashSet<int> { 429, 500, 502, 503, 504, 509 };

    /// <summary>_retry.json's per-service policies (service → codes), keyed by the signing name Shodo uses.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> PerService { get; } =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
        {
            ["ec2"] = Set("RequestLimitExceeded", "EC2ThrottledException"),
            ["s3"] = Set("RequestTimeout", "BadDigest"),
            ["sts"] = Set("IDPCommunicationError"),
            ["route53"] = Set("Throttling", "PriorRequestNotComplete"),
            ["kinesis"] = Set("LimitExceededException"),
            ["sqs"] = Set("RequestThrottled"),
            ["glacier"] = Set("RequestTimeoutException"),
            ["dynamodb"] = Set("TransactionInProgressException", "ReplicatedWriteConflictException"),
            ["organizations"] = Set("TooManyRequestsException"),
            ["cloudsearch"] = Set("BandwidthLimitExceeded"),
        };

    /// <summary>Codes Shodo itself uses for failures that never got an AWS answer.</summary>
    public const string Unreachable = "Unreachable";

    /// <summary>Shodo's code for credentials that could not be obtained at signing time (expired SSO token, failed credential process).</summary>
    public const string CredentialsUnavailable = "CredentialsUnavailable";

    /// <summary>
    /// The exit code: no answer is 7, denied 5, credentials 4; anything that trying again could fix
    /// (throttling or a transient server failure) is 6 — wait and run again, or resume; the rest is 1.
    /// </summary>
    public static ExitCode ExitCodeFor(string code, int httpStatus, string? service = null)
    {
        if (code == Unreachable) return ExitCode.Unreachable;
        if (AccessDenied.Contains(code)) return ExitCode.AccessDenied;
        if (CredentialsRejected.Contains(code)) return ExitCode.NoCredentials;
        if (IsRetryable(code, httpStatus, service)) return ExitCode.Throttled;
        return ExitCode.Failure;
    }

    /// <summary>
    /// AWS asked us to slow down (a throttling code or 429), as opposed to failing on its side. Every
    /// service's own throttling code in _retry.json is in <see cref="Throttling"/> already.
    /// </summary>
    public static bool IsThrottling(string code, int httpStatus) => Throttling.Contains(code) || httpStatus == 429;

    /// <summary>Whether trying the same call again can succeed: what botocore retries, plus no answer at all.</summary>
    public static bool IsRetryable(string code, int httpStatus, string? service = null) =>
        code == Unreachable || Throttling.Contains(code) || Transient.Contains(code) || ServerFaults.Contains(code)
        || TransientStatuses.Contains(httpStatus)
        || (service is not null && PerService.TryGetValue(service, out var codes) && codes.Contains(code));

    private static HashSet<string> Set(params string[] codes) => new(codes, StringComparer.Ordinal);
}
