using Shodo.Aws.Connection;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Investigation.Identities;

/// <summary>
/// The key a response or an investigation is asked to start from, checked before anything is recorded
/// about it (<see cref="LeakedKeyCheck"/>): another account's key, or one with no trace in this account,
/// ends the command with one sentence and <see cref="ExitCode.KeyNotInAccount"/> — no case claims a
/// compromise that did not happen.
/// </summary>
public static class LeakedKeyCheckFlow
{
    /// <summary>The sentences of one command: respond refuses before opening a case, investigate before investigating.</summary>
    public sealed record Sentences(string OtherAccount, string NotFound)
    {
        public static Sentences Respond { get; } = new("RespondKeyOtherAccount", "RespondKeyNotFound");
        public static Sentences Investigate { get; } = new("InvestigateKeyOtherAccount", "InvestigateKeyNotFound");
    }

    public static Task<LeakedKeyCheckResult> CheckAsync(AwsConnection aws, string accessKeyId, string accountId, Sentences sentences,
        Action<string> note, CancellationToken ct) =>
        CheckAsync(aws, accessKeyId, Task.FromResult(accountId), sentences, note, ct);

    /// <summary>Started beside the question of the responder's own account: the key's account and user are asked at the same time.</summary>
    public static async Task<LeakedKeyCheckResult> CheckAsync(AwsConnection aws, string accessKeyId, Task<string> accountOfResponder,
        Sentences sentences, Action<string> note, CancellationToken ct)
    {
        var result = await new LeakedKeyCheck(aws).CheckAsync(accessKeyId, accountOfResponder, ct).ConfigureAwait(false);
        var accountId = await accountOfResponder.ConfigureAwait(false);
        switch (result.Verdict)
        {
            case LeakedKeyVerdict.OtherAccount:
                throw new ShodoException(new Diagnostic(ExitCode.KeyNotInAccount,
                    Messages.Get(sentences.OtherAccount, accessKeyId, result.Account, accountId)));
            case LeakedKeyVerdict.NotFound:
                throw new ShodoException(new Diagnostic(ExitCode.KeyNotInAccount,
                    Messages.Get(sentences.NotFound, accessKeyId, accountId), Messages.Get("RespondKeyNotFoundDetail", result.RegionsSearched)));
            case LeakedKeyVerdict.Unknown:
                note(Messages.Get("RespondKeyUnconfirmed", accessKeyId, string.Join(", ", result.Problems)));
                break;
            default:
                note(result.UserName is { } user
                    ? Messages.Get("RespondKeyOfUser", accessKeyId, TerminalSafe.Plain(user))
                    : Messages.Get("RespondKeySeen", accessKeyId, result.SeenInRegion));
                break;
        }
        return result;
    }
}
