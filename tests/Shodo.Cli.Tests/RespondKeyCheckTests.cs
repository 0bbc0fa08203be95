using Shodo.Diagnostics;
using Shodo.Range;
using Shodo.Range.State.Iam;

namespace Shodo.Cli.Tests;

/// <summary>
/// <c>respond --access-key-id</c> with a key that is not this account's: a malformed id is a usage error
/// before any AWS call; a well-formed key of another account, or one with no trace in this account (a
/// one-character typo), is said plainly before any case is opened — no case of a compromise that did not
/// happen, nothing contained, nothing claimed.
/// </summary>
public sealed class RespondKeyCheckTests : IAsyncLifetime
{
    private ResponderRange _responder = null!;
    private RangeHost _range = null!;

    public async Task InitializeAsync()
    {
        _responder = await ResponderRange.StartAsync();
        _range = _responder.Range;
    }

    public async Task DisposeAsync() => await _responder.DisposeAsync();

    private string Leaked => _range.GroundTruth!.LeakedAccessKeyId!;

    private Task<CliRun> Respond(string key) =>
        CliRun.Invoke(_responder.Environment, ["respond", "--watch", "0", "--access-key-id", key, "--yes", .. _responder.Options]);

    [Fact]
    public async Task A_key_mistyped_in_its_last_character_opens_no_case_contains_nothing_and_says_it_was_not_found()
    {
        var typo = Leaked[..^1] + (Leaked[^1] == 'A' ? 'B' : 'A');

        var run = await Respond(typo);

        Assert.True(run.ExitCode == (int)ExitCode.KeyNotInAccount, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        Assert.Contains($"The access key {typo} was not found in account {_range.State.AccountId}; no case was opened", run.Error);
        Assert.Contains("Check the key id", run.Error);
        AssertNothingClaimedOrChanged(run);
    }

    [Fact]
    public async Task A_temporary_key_of_another_account_names_that_account_and_opens_no_case()
    {
        var foreign = IamIds.TemporaryAccessKeyId("999988887777");

        var run = await Respond(foreign);

        Assert.True(run.ExitCode == (int)ExitCode.KeyNotInAccount, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        Assert.Contains($"The access key {foreign} belongs to AWS account 999988887777, not to account {_range.State.AccountId}", run.Error);
        AssertNothingClaimedOrChanged(run);
    }

    [Theory]
    [InlineData("AKIA2IEC6TGGRYYK4K7")]       // 15 characters after the prefix
    [InlineData("akia2iec6tggryyk4k7a")]      // lower case
    [InlineData("AKIA2IEC6TGGRYYK4K71")]      // 1 is not base-32
    [InlineData("AIDA2IEC6TGGRYYK4K7A")]      // a user id, not a key id
    [InlineData("AKIA2IEC6TGGRYYK4K7A ")]     // pasted with a trailing space
    public async Task A_malformed_key_id_is_a_usage_error_before_any_call_to_aws(string key)
    {
        int calls;
        lock (_range.State.Sync) calls = _range.State.Calls.Count(c => c.Caller?.AccessKeyId == _range.Responder.AccessKeyId);

        var run = await Respond(key);

        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains($"'{key}' is not an AWS access key id", run.Error);
        Assert.Contains("AKIA (long-term) or ASIA (temporary)", run.Error);
        lock (_range.State.Sync)
            Assert.Equal(calls, _range.State.Calls.Count(c => c.Caller?.AccessKeyId == _range.Responder.AccessKeyId));
        AssertNothingClaimedOrChanged(run);
    }

    /// <summary>No case folder, no statement of compromise or containment, no change in the account, no stack trace.</summary>
    private void AssertNothingClaimedOrChanged(CliRun run)
    {
        Assert.False(Directory.Exists(_responder.Cases) && Directory.EnumerateFileSystemEntries(_responder.Cases).Any(), "a case was opened");
        foreach (var claim in new[] { "Contained", "used by someone outside", "failed unexpectedly", "   at " })
            Assert.DoesNotContain(claim, run.Out + run.Error);
        lock (_range.State.Sync)
        {
            Assert.Equal("Active", _range.State.Iam.AccessKeys[Leaked].Status);
            Assert.DoesNotContain(_range.State.Calls, c => c.Caller?.AccessKeyId == _range.Responder.AccessKeyId && !c.ReadOnly);
        }
    }
}
