using System.IO.Compression;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation;
using Shodo.Investigation.Sources.LogFiles;
using Shodo.Range;
using Shodo.Range.State.Organizations;
using Shodo.Range.State.S3;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;
using Shodo.Tests.Response.Accounts;
using Shodo.Trail;
using Reasons = Shodo.Investigation.Sources.LogFiles.OrganizationTrailChoice.Reasons;

namespace Shodo.Tests.Investigation.Sources;

/// <summary>
/// A member's folder of the organisation trail whose digest no longer verifies (issue 21): that is evidence of tampering, so it
/// stays a gap of the read (DigestInvalid), and the member's events are still read, from its own LookupEvents, the fallback named.
/// </summary>
public sealed class OrganizationTrailFallbackTests : IAsyncLifetime
{
    private static readonly string Member2 = OrgPivotMemberResponse.Member2;
    private const string Bucket = "acme-org-trail";
    private readonly TempFolder _cases = new();
    private RangeHost _range = null!;

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    private AwsConnectionOptions Connection(string? roleArn = null) => new()
    {
        Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey), Region = "us-east-1",
        EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry, RefusalSink = NoRefusalSink.Instance, RoleArn = roleArn,
        Assume = new RoleAssumption { SessionName = "shodo-fallback" },
    };

    [Fact]
    public async Task A_digest_that_does_not_verify_stays_a_gap_and_the_members_events_are_read_from_its_LookupEvents()
    {
        ParentOrganizationTrailTests.OrganizationTrail(_range).LogFileValidationEnabled = true;
        var folder = $"AWSLogs/{_range.Organization!.Id}/{Member2}/";
        string tampered;
        lock (_range.State.Sync)
        {
            _range.State.DeliverTrailLogs(Bucket);
            // One byte added to one of member-2's digests (a space after its JSON): its SHA-256, so its signature, no longer holds.
            var objects = _range.State.Buckets[Bucket].Objects;
            var digest = objects.Values.First(o => o.Key.StartsWith(folder + "CloudTrail-Digest/", StringComparison.Ordinal));
            using var text = new MemoryStream();
            using (var gzip = new GZipStream(new MemoryStream(digest.Body), CompressionMode.Decompress)) gzip.CopyTo(text);
            using var body = new MemoryStream();
            using (var gzip = new GZipStream(body, CompressionLevel.Optimal, leaveOpen: true))
                gzip.Write([.. text.ToArray(), (byte)' ']);
            objects[digest.Key] = new S3Object(digest.Key, body.ToArray(), digest.ContentType, digest.LastModified) { Metadata = digest.Metadata };
            tampered = digest.Key;
        }
        using var management = await AwsConnection.OpenAsync(Connection());
        using var member = await AwsConnection.OpenAsync(Connection($"arn:aws:iam::{Member2}:role/{RangeOrganization.AccessRoleName}"));
        using var @case = Case.Open(_cases.Path, new CaseOptions { AccountId = Member2, Title = "member-2" });
        var regions = (await RegionDiscovery.EnabledAsync(member)).Select(r => r.Name).ToList();
        var choice = new OrganizationTrailChoice(new OrganizationTrailReach(management, "acme-organization", Bucket, null, _range.Organization.Id,
            _range.Organization.ManagementAccountId), Reasons.Read, "acme-organization");
        var sources = new InvestigationSources(member, @case, new InvestigationOptions { OrganizationTrail = choice }, new AccountSnapshot(), regions,
            IInvestigationProgress.None);

        var read = await sources.LogFilesAsync(new TrailWindow(null, null), Member2, CancellationToken.None);

        // The tampering is kept: a gap naming the digest, and the digest check's own finding.
        var name = tampered[(tampered.LastIndexOf('/') + 1)..];
        Assert.Contains(read.Gaps, g => g.Kind == "DigestInvalid" && g.Source.Contains(name, StringComparison.Ordinal));
        Assert.Contains(sources.DigestChecks, d => d.Report?.InvalidDigests.Any(i => i.Contains(name, StringComparison.Ordinal)) == true);
        // The events were read another way: member-2's LookupEvents (answered there), the attacker's events among them.
        var fallback = Assert.IsType<Shodo.Evidence.CoverageEventsFallback>(sources.OrganizationTrailFallback);
        Assert.Equal("LookupEvents", fallback.Used);
        Assert.Equal($"s3://{Bucket}/{folder}", fallback.Failed);
        Assert.Equal("DigestInvalid", fallback.Kind);
        Assert.True(sources.ReadLookupEvents);
        var truth = _range.GroundTruth!.Accounts.Single(a => a.AccountId == Member2).Found;
        Assert.Contains(read.Records, r => r.EventName == "CreateUser" && r.EventSource == "iam.amazonaws.com");
        Assert.Contains(read.Records, r => truth.AccessKeyIds.Contains(r.AccessKeyId));
        lock (_range.State.Sync)
            Assert.Contains(_range.Organization.Account(Member2)!.State.Calls, c => c.EventName == "LookupEvents" && c.ErrorCode is null);
        // Nothing else of the trail is left as a gap: LookupEvents read what it would have shown.
        Assert.All(read.Gaps, g => Assert.Contains(g.Kind, new[] { "DigestInvalid", "Altered", "Missing" }));
    }
}
