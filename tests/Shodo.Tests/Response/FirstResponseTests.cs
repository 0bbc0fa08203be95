using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Diagnostics;
using Shodo.Range;
using Shodo.Range.State.Iam;
using Shodo.Response;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response;

/// <summary>
/// The first response as a library call, with no console: against the range playing the leaked-key scenario,
/// a key of another account is refused before any case is opened; the leaked key gets a case bound to the
/// responder, every step run, and everything said through the progress it was given.
/// </summary>
public sealed class FirstResponseTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly TempFolder _cases = new();
    private readonly RecordingProgress _progress = new();

    public async Task InitializeAsync() =>
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    private FirstResponseOptions Options(string key) =>
        RangeResponseOptions.For(_range, _cases.Path, new ResponseRequest { AccessKeyId = key, ApplyWithinAuthority = true });

    [Fact]
    public async Task A_key_of_another_account_opens_no_case()
    {
        var foreign = IamIds.TemporaryAccessKeyId("999988887777");

        var e = await Assert.ThrowsAsync<ShodoException>(() =>
            FirstResponse.RunAsync(Options(foreign), TimeProvider.System, _progress, CancellationToken.None));

        Assert.Equal(ExitCode.KeyNotInAccount, e.Diagnostic.Code);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_cases.Path));
    }

    [Fact]
    public async Task The_leaked_key_gets_a_case_of_the_responder_every_step_and_the_progress_hears_of_it()
    {
        var result = await FirstResponse.RunAsync(Options(_range.GroundTruth!.LeakedAccessKeyId!), TimeProvider.System, _progress,
            CancellationToken.None);

        Assert.Equal(_cases.Path, Path.GetDirectoryName(result.CaseDirectory));
        Assert.Equal(ResponseSteps.All.Select(s => s.Name), result.Outcome.Steps.Select(s => s.Step));
        Assert.False(result.Acknowledged); // no escalation chain configured
        Assert.Contains(_progress.Notes, n => n.Step == "case" && n.Text.Contains(result.CaseId, StringComparison.Ordinal));
        var journal = JournalReader.Read(result.Folder);
        Assert.Contains(journal, e => e.Kind == ResponseJournalKinds.Finished);
        Assert.True(CaseVerifier.Verify(result.CaseDirectory).Intact);
    }
}
