using Shodo.Range.Faults;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.CloudTrail;

/// <summary>leaked-key-cryptomining with LookupEvents failing (500) in eu-west-1 and trail log reads denied for us-east-1.</summary>
public sealed class PartlyBlindFixture : RangeFixture
{
    protected override RangeOptions Options => new()
    {
        Port = 0, Scenario = "leaked-key-cryptomining",
        Sight =
        [
            new SightFault(SightSource.LookupEvents, SightFailure.ServerError, ["eu-west-1"]),
            new SightFault(SightSource.TrailLogs, SightFailure.AccessDenied, ["us-east-1"]),
        ],
    };
}

/// <summary>Sight faults fail LookupEvents and trail log reads for the responder, in the regions named and only there.</summary>
public sealed class SightFaultTests(PartlyBlindFixture fixture) : IClassFixture<PartlyBlindFixture>
{
    private const string LogPrefix = "AWSLogs/111122223333/CloudTrail/";

    [Fact]
    public async Task Lookup_events_fails_with_a_server_error_in_the_blind_region_only()
    {
        var failed = await fixture.Cli.InRegion("eu-west-1").RunAsync("cloudtrail", "lookup-events", "--max-results", "5");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Equal("InternalFailure", failed.ErrorCode);
        var read = await fixture.Cli.InRegion("ap-northeast-1").OkAsync("cloudtrail", "lookup-events", "--max-results", "5");
        Assert.NotEmpty(read.GetProperty("Events").EnumerateArray());
    }

    [Fact]
    public async Task Trail_log_files_of_the_blind_region_are_denied_and_the_others_are_read()
    {
        var denied = await FirstLogKeyAsync("us-east-1");
        var readable = await FirstLogKeyAsync("ap-northeast-1");
        var target = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        try
        {
            await fixture.Cli.FailsWithAsync("AccessDenied", "s3api", "get-object", "--bucket", "acme-cloudtrail-logs", "--key", denied, target);
            await fixture.Cli.OkAsync("s3api", "get-object", "--bucket", "acme-cloudtrail-logs", "--key", readable, target);
            Assert.True(new FileInfo(target).Length > 0);
        }
        finally { File.Delete(target); }
        // Listing the bucket is not a read of a log file: the responder sees what it cannot read.
        await fixture.Cli.OkAsync("s3api", "list-objects-v2", "--bucket", "acme-cloudtrail-logs", "--prefix", LogPrefix + "us-east-1/");
    }

    [Fact]
    public void A_fault_covers_only_its_source_and_regions()
    {
        var fault = new SightFault(SightSource.TrailLogs, SightFailure.AccessDenied, ["us-east-1"]);
        var caller = new State.Caller(State.Caller.IamUser, "arn:aws:iam::111122223333:user/responder", "AIDA", "111122223333", "AKIA", "responder");
        var log = new Serving.AwsOperation("GetObject", "s3:GetObject", true,
            $"arn:aws:s3:::logs/{LogPrefix}us-east-1/2026/12/06/x.json.gz", DataEvent: true);
        var other = log with { Resource = "arn:aws:s3:::acme-customer-data/exports/customers.csv" };
        Assert.Equal("AccessDenied", fault.ErrorFor("s3", log, "ap-northeast-1", caller)?.Code);
        Assert.Null(fault.ErrorFor("s3", other, "us-east-1", caller));
        Assert.Null(fault.ErrorFor("s3", log with { Resource = log.Resource.Replace("us-east-1", "eu-west-1") }, "us-east-1", caller));
        Assert.Null(new SightFault(SightSource.LookupEvents, SightFailure.ServerError, ["eu-west-1"])
            .ErrorFor("cloudtrail", new Serving.AwsOperation("LookupEvents", "cloudtrail:LookupEvents", true), "us-east-1", caller));
    }

    private async Task<string> FirstLogKeyAsync(string region)
    {
        var listed = await fixture.Cli.OkAsync("s3api", "list-objects-v2", "--bucket", "acme-cloudtrail-logs", "--prefix", LogPrefix + region + "/",
            "--max-items", "1");
        return listed.GetProperty("Contents").EnumerateArray().First().GetProperty("Key").GetString()!;
    }
}
