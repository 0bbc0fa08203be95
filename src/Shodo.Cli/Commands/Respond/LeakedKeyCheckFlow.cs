using Shodo.Aws.Connection;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Investigation.Identities;
using Shodo.Localization;
using Shodo.Response;

namespace Shodo.Cli.Commands.Respond;

/// <summary>
/// The key a response is asked to start from, checked before any case is opened (<see cref="LeakedKeyCheck"/>):
/// another account's key, or one with no trace in this account, ends the command with one sentence and
/// <see cref="ExitCode.KeyNotInAccount"/> — no case claims a compromise that did not happen.
/// </summary>
internal static class LeakedKeyCheckFlow
{
    public static async Task CheckAsync(AwsConnection aws, string accessKeyId, string accountId, IResponseProgress progress, CancellationToken ct)
    {
        var result = await new LeakedKeyCheck(aws).CheckAsync(accessKeyId, accountId, ct);
        var key = Terminal.Plain(accessKeyId);
        switch (result.Verdict)
        {
            case LeakedKeyVerdict.OtherAccount:
                throw new ShodoException(new Diagnostic(ExitCode.KeyNotInAccount,
                    Messages.Get("RespondKeyOtherAccount", key, result.Account, accountId)));
            case LeakedKeyVerdict.NotFound:
                throw new ShodoException(new Diagnostic(ExitCode.KeyNotInAccount,
                    Messages.Get("RespondKeyNotFound", key, accountId), Messages.Get("RespondKeyNotFoundDetail", result.RegionsSearched)));
            case LeakedKeyVerdict.Unknown:
                progress.Note("case", Messages.Get("RespondKeyUnconfirmed", key, string.Join(", ", result.Problems)));
                break;
            default:
                progress.Note("case", result.UserName is { } user
                    ? Messages.Get("RespondKeyOfUser", key, Terminal.Plain(user))
                    : Messages.Get("RespondKeySeen", key, result.SeenInRegion));
                break;
        }
    }
}
