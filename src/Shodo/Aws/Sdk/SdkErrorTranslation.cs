using System.Net.Sockets;
using Amazon.Runtime;
using Shodo.Aws.Errors;

namespace Shodo.Aws.Sdk;

/// <summary>
/// Turns the AWS SDK's exceptions into <see cref="AwsServiceError"/>, so callers see one error type
/// whatever client they used: an answer with an error code keeps code, message, request id and
/// status; no answer at all (refused, DNS, TLS, timeout) becomes "unreachable".
/// </summary>
public static class SdkErrorTranslation
{
    public static AwsServiceError Translate(Exception e, string service, string operation, string? endpoint = null)
    {
        if (e is AwsServiceError already) return already;
        if (NoAnswer(e))
            return AwsServiceError.Unreachable(service, operation, endpoint ?? service, Innermost(e));
        if (e is AmazonServiceException s && !string.IsNullOrEmpty(s.ErrorCode))
            return new AwsServiceError(service, operation, s.ErrorCode, s.Message, s.RequestId, (int)s.StatusCode, e);
        if (e is AmazonServiceException status && (int)status.StatusCode >= 400)
            return new AwsServiceError(service, operation, Protocols.IErrorReader.CodeForStatus((int)status.StatusCode),
                status.Message, status.RequestId, (int)status.StatusCode, e);
        return new AwsServiceError(service, operation, "ClientError", e.Message, null, 0, e);
    }

    private static bool NoAnswer(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is HttpRequestException or SocketException or TimeoutException) return true;
            if (x is AmazonServiceException { StatusCode: > 0 }) return false;
        }
        return false;
    }

    private static Exception Innermost(Exception e)
    {
        var x = e;
        while (x.InnerException is not null && x is not HttpRequestException) x = x.InnerException;
        return x;
    }
}
