using System.Text;
using System.Text.Json;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Evidence;

/// <summary>
/// coverage.json is a typed document (<see cref="CoverageDocument"/>): what collect and the investigation wrote reads back
/// as the record and is written again byte for byte — the members and formats readers of earlier cases know.
/// </summary>
public sealed class CoverageFileTests
{
    /// <summary>
    /// A collection with gaps (one with parameters and a request id, one global with neither) and an investigation's part
    /// with a digest check that found an altered and a missing log file, one archive without digests, and gaps whose
    /// region and code are null — canonical JSON as collect and the investigation have always written it.
    /// </summary>
    private static readonly string Written = string.Concat("""
        {"cancelled":false,"collectors":[{"name":"iam","operations":["iam:ListUsers","iam:GetAccountAuthorizationDetails"],"scope":"global"},
        {"name":"ec2","operations":["ec2:DescribeInstances"],"scope":"regional"}],"complete":false,"evidenceStored":42,
        "finishedAt":"2026-11-28T01:02:03.456Z","format":"shodo-coverage/1","gaps":[
        {"code":"AccessDenied","collector":"iam","httpStatus":403,"kind":"AccessDenied","message":"not authorized","operation":"GetAccountAuthorizationDetails","service":"iam","time":"2026-11-28T01:00:00.000Z"},
        {"code":"RequestLimitExceeded","collector":"ec2","httpStatus":503,"kind":"Throttled","message":"Request limit exceeded.","operation":"DescribeInstances",
        "parameters":{"MaxResults":"1000"},"region":"eu-west-1","requestId":"req-1","service":"ec2","time":"2026-11-28T01:00:01.000Z"}],
        "investigation":{"complete":false,"digests":[{"altered":["AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/28/a.json.gz"],
        "chainBreaks":[],"digests":3,"digestsVerified":3,"findings":[{"digest":"AWSLogs/d1.json.gz","file":"AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/28/a.json.gz","kind":"log-file-altered"},
        {"digest":"AWSLogs/d2.json.gz","file":"AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/28/b.json.gz","kind":"log-file-missing"}],
        "invalidDigests":[],"keysProblem":"ListPublicKeys: throttled","location":"s3://trail-bucket/AWSLogs/","logFilesNotChecked":1,"logFilesRead":7,"logFilesVerified":5,
        "missing":["AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/28/b.json.gz"],"unverifiableDigests":["AWSLogs/d0.json.gz"],"unverifiableReasons":["no public key for fingerprint ab"]},
        {"digests":0,"location":"s3://other-bucket/","notChecked":"ListObjectsV2: AccessDenied"}],
        "gaps":[{"code":"InternalFailure","kind":"Failed","message":"LookupEvents page 1: internal error","region":"ap-northeast-1","source":"lookup:ap-northeast-1"},
        {"code":null,"kind":"Altered","message":"altered after delivery","region":null,"source":"AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/28/a.json.gz"}],
        "logBucketsRead":["other-bucket","trail-bucket"],"lookupEvents":true,"records":1234},
        "regions":["ap-northeast-1","eu-west-1","us-east-1"],"startedAt":"2026-11-28T00:59:00.000Z"}
        """.Split('\n').Select(l => l.Trim())) + "\n";

    [Fact]
    public async Task A_written_coverage_reads_as_the_record_and_is_written_again_byte_for_byte()
    {
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        await @case.Documents.WriteAsync(CoverageFile.Name, Encoding.UTF8.GetBytes(Written), CollectJournalKinds.Producer);

        var read = CoverageFile.Read(@case.Folder)!;
        Assert.Equal((false, false, 42), (read.Complete, read.Cancelled, read.EvidenceStored));
        Assert.Equal(["ap-northeast-1", "eu-west-1", "us-east-1"], read.Regions);
        Assert.Equal(["iam:ListUsers", "iam:GetAccountAuthorizationDetails"], read.Collectors![0].Operations);
        Assert.Equal(("eu-west-1", "req-1", "1000"), (read.Gaps![1].Region, read.Gaps[1].RequestId, (string?)read.Gaps[1].Parameters!["MaxResults"]));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 1, 0, 1, TimeSpan.Zero), read.Gaps[1].Time);
        var investigation = read.Investigation!;
        Assert.Equal((false, 1234, true), (investigation.Complete, investigation.Records, investigation.LookupEvents));
        var digests = investigation.Digests[0].Report!;
        Assert.Equal(["AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/28/a.json.gz"], digests.AlteredLogFiles);
        Assert.Equal((3, 7, 1), (digests.Digests, digests.LogFilesRead, digests.LogFilesNotChecked));
        Assert.Equal("ListObjectsV2: AccessDenied", investigation.Digests[1].NotChecked);
        Assert.Null(investigation.Gaps[1].Region);
        Assert.Null(investigation.Gaps[1].Code);

        await CoverageFile.WriteAsync(@case, read, CollectJournalKinds.Producer, CancellationToken.None);
        Assert.Equal(Written, Encoding.UTF8.GetString(@case.Folder.Read(CoverageFile.Name)!));
    }

    [Fact]
    public async Task The_investigation_of_a_case_never_collected_writes_only_the_format_and_its_part()
    {
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        var investigation = new CoverageInvestigation { Complete = false, Gaps = [new("lookup:us-east-1", "us-east-1", "Failed", null, "denied")] };
        await CoverageFile.WriteAsync(@case, (CoverageFile.Read(@case.Folder) ?? new CoverageDocument()) with { Investigation = investigation },
            CollectJournalKinds.Producer, CancellationToken.None);

        Assert.Equal(
            """{"format":"shodo-coverage/1","investigation":{"complete":false,"digests":[],"gaps":[{"code":null,"kind":"Failed","message":"denied","region":"us-east-1","source":"lookup:us-east-1"}],"logBucketsRead":[],"lookupEvents":true,"records":0}}""" + "\n",
            Encoding.UTF8.GetString(@case.Folder.Read(CoverageFile.Name)!));
        Assert.False(CollectionRunner.HasFinishedCollection(@case));
    }

    [Fact]
    public async Task A_coverage_file_that_is_not_json_throws_rather_than_reading_as_nothing()
    {
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        Assert.Null(CoverageFile.Read(@case.Folder));
        await @case.Documents.WriteAsync(CoverageFile.Name, Encoding.UTF8.GetBytes("""{"format":"shodo-coverage/1","gaps":[{"kind":"""), CollectJournalKinds.Producer);
        Assert.ThrowsAny<JsonException>(() => CoverageFile.Read(@case.Folder));
    }
}
