using Shodo.Aws.Errors;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Aws.Connection;

/// <summary>
/// Assuming the responder role failed in a way a person can fix: AWS refused it (the trust policy may require an
/// external id or MFA, or the source identity is not trusted), or the role needs an MFA code and nobody gave one.
/// One sentence with what to pass; AWS's own message stays as the detail.
/// </summary>
public static class RoleRefusal
{
    public static async Task TranslateAsync(string roleArn, Func<Task> assume)
    {
        try
        {
            await assume().ConfigureAwait(false);
        }
        catch (Exception e) when (Denial(e) is { } message)
        {
            throw new ShodoException(new Diagnostic(ExitCode.AccessDenied, Messages.Get("AssumeRoleRefused", roleArn), message), e);
        }
    }

    /// <summary>AWS's AccessDenied message, wherever the SDK wrapped it ("Error calling AssumeRole for role ..."), or null.</summary>
    private static string? Denial(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is AwsServiceError { Code: "AccessDenied" } a) return a.AwsMessage;
            if (e is Amazon.Runtime.AmazonServiceException { ErrorCode: "AccessDenied" } s) return s.Message;
        }
        return null;
    }
}
