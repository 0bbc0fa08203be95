namespace Shodo.Response.Accounts;

/// <summary>A member account's progress shown under the parent's step, each line prefixed with the account.</summary>
internal sealed class AccountProgress(IResponseProgress parent, string step, string accountId) : IResponseProgress
{
    public void StepStarted(string memberStep) { }
    public void StepFinished(string memberStep, StepResult result) => parent.Note(step, $"{accountId} {memberStep}: {result.Detail}");
    public void Note(string memberStep, string message) => parent.Note(step, $"{accountId} {memberStep}: {message}");
}
