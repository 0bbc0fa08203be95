using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Aws.Errors;

/// <summary>
/// The one exception for a failed AWS call, from any client: which service and operation, AWS's
/// error code and message, the request id to quote to AWS Support, and the HTTP status (0 when
/// no answer came). Its <see cref="ShodoException.Diagnostic"/> is one sentence saying what to do,
/// with the exit code the code maps to (<see cref="AwsErrorCodes.ExitCodeFor"/>).
/// </summary>
public sealed class AwsServiceError : ShodoException
{
    public AwsServiceError(string service, string operation, string code, string message,
        string? requestId, int httpStatus, Exception? inner = null)
        : base(DiagnosticFor(service, operation, code, message, requestId, httpStatus), inner)
    {
        Service = service;
        Operation = operation;
        Code = code;
        AwsMessage = message;
        RequestId = requestId;
        HttpStatus = httpStatus;
    }

    public string Service { get; }
    public string Operation { get; }
    public string Code { get; }
    public string AwsMessage { get; }
    public string? RequestId { get; }
    public int HttpStatus { get; }

    /// <summary>Trying the same call again could succeed (botocore's retry rules, or no answer at all).</summary>
    public bool IsRetryable => AwsErrorCodes.IsRetryable(Code, HttpStatus, Service);
    /// <summary>AWS asked us to slow down (as opposed to failing on its side).</summary>
    public bool IsThrottling => AwsErrorCodes.IsThrottling(Code, HttpStatus);

    /// <summary>No answer came from <paramref name="endpoint"/>: refused, reset, DNS, TLS or timed out.</summary>
    public static AwsServiceError Unreachable(string service, string operation, string endpoint, Exception? inner) =>
        new(service, operation, AwsErrorCodes.Unreachable, inner?.Message ?? endpoint, null, 0, inner)
        { Endpoint = endpoint };

    public string? Endpoint { get; private init; }

    private static Diagnostic DiagnosticFor(string service, string operation, string code, string message, string? requestId, int status)
    {
        var exit = AwsErrorCodes.ExitCodeFor(code, status, service);
        var call = $"{service}:{operation}";
        var summary = exit switch
        {
            ExitCode.AccessDenied => Messages.Get("AwsAccessDenied", call),
            ExitCode.NoCredentials => Messages.Get("AwsCredentialsRejected", call, code),
            ExitCode.Throttled when AwsErrorCodes.IsThrottling(code, status) => Messages.Get("AwsThrottled", call),
            ExitCode.Throttled => Messages.Get("AwsUnavailable", call, code),
            ExitCode.Unreachable => Messages.Get("AwsUnreachable", call),
            _ => Messages.Get("AwsServiceFailed", call, code),
        };
        var detail = code == AwsErrorCodes.Unreachable
            ? message
            : $"{code} (HTTP {status}): {message}" + (requestId is null ? "" : $" [request id {requestId}]");
        return new Diagnostic(exit, summary, detail);
    }
}
