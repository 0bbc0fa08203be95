using System.Text.Json.Nodes;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Resilience;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Range;
using Shodo.Range.Scenarios;

namespace Shodo.Tests.Containment;

/// <summary>
/// The range playing <c>leaked-key-cryptomining</c> (optionally with its live adversary, ticked by hand),
/// a case for its account, and the investigation's documents written from the range's ground truth —
/// the input containment reads. One related (unproven) identity is included: it must never be contained.
/// </summary>
public sealed class LeakedKeyRange : IAsyncDisposable
{
    public const string Scenario = "leaked-key-cryptomining";
    public const string RelatedUser = "dev-suzuki";

    private LeakedKeyRange(RangeHost range, string root)
    {
        Range = range;
        Root = root;
    }

    public RangeHost Range { get; }
    public string Root { get; }
    public GroundTruth Truth => Range.GroundTruth!;
    public string CaseDirectory { get; private set; } = "";

    public static async Task<LeakedKeyRange> StartAsync(bool adversary = false, double throttle = 0, double errors = 0,
        RangeLatency latency = RangeLatency.None, TimeSpan? iamPropagation = null)
    {
        var range = await RangeHost.StartAsync(new RangeOptions
        {
            Port = 0, Scenario = Scenario, Adversary = adversary, AdversaryInterval = Timeout.InfiniteTimeSpan,
            ThrottleRate = throttle, ErrorRate = errors, Latency = latency, Seed = 11, IamPropagation = iamPropagation ?? TimeSpan.Zero,
        });
        var root = Path.Combine(Path.GetTempPath(), "shodo-contain-tests", Guid.NewGuid().ToString("N"));
        var fixture = new LeakedKeyRange(range, root);
        using (var @case = Case.Open(root, new CaseOptions { AccountId = range.GroundTruth!.AccountId }))
        {
            fixture.CaseDirectory = @case.Directory;
            await fixture.WriteInvestigationAsync(@case);
        }
        return fixture;
    }

    public Case OpenCase() => Case.Load(CaseDirectory);

    public Task<AwsConnection> ResponderAsync(IRefusalSink? sink = null, AwsRetryOptions? retry = null) =>
        AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(Range.Responder.AccessKeyId, Range.Responder.SecretAccessKey),
            Region = "us-east-1",
            EndpointUrl = Range.Url,
            Retry = retry ?? new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) },
            RefusalSink = sink ?? NoRefusalSink.Instance,
        });

    /// <summary>Writes the investigation again with <paramref name="extra"/> identities beside the ground truth's.</summary>
    public async Task AddIdentitiesAsync(params AttackerIdentity[] extra)
    {
        using var @case = OpenCase();
        await WriteInvestigationAsync(@case, extra);
    }

    /// <summary>identities.json and attacker-resources.json as an investigation of the range must find them.</summary>
    public async Task WriteInvestigationAsync(Case @case, IReadOnlyList<AttackerIdentity>? extra = null)
    {
        var truth = Truth;
        var leaked = $"access-key:{truth.LeakedAccessKeyId}";
        var identities = new List<AttackerIdentity>
        {
            new()
            {
                Id = leaked, Kind = IdentityKind.AccessKey, Name = truth.LeakedAccessKeyId!, AccessKeyId = truth.LeakedAccessKeyId,
                Owner = truth.LeakedUserName, Confidence = Confidence.Confirmed, Reason = "The leaked key was used from the attacker's address.",
            },
            new()
            {
                Id = $"user:{RelatedUser}", Kind = IdentityKind.User, Name = RelatedUser, Confidence = Confidence.Related,
                Reason = "Seen from the same office address as the leaked key; not proven.",
            },
        };
        string Owner(string key)
        {
            lock (Range.State.Sync) return Range.State.Iam.AccessKeys[key].UserName;
        }
        foreach (var user in truth.Users)
            identities.Add(new()
            {
                Id = $"user:{user}", Kind = IdentityKind.User, Name = user, Confidence = Confidence.Confirmed, CreatedByAttacker = true,
                CreatedBy = leaked, Reason = "Created by the attacker with the leaked key.",
            });
        foreach (var key in truth.AccessKeyIds.Where(k => k != truth.LeakedAccessKeyId))
            identities.Add(new()
            {
                Id = $"access-key:{key}", Kind = IdentityKind.AccessKey, Name = key, AccessKeyId = key, Owner = Owner(key),
                Confidence = Confidence.Confirmed, CreatedByAttacker = true, CreatedBy = leaked, Reason = "Created by the attacker.",
            });
        foreach (var key in truth.SessionAccessKeyIds)
            identities.Add(new()
            {
                Id = $"session-key:{key}", Kind = IdentityKind.SessionKey, Name = key, AccessKeyId = key, Owner = truth.LeakedUserName,
                Confidence = Confidence.Confirmed, CreatedByAttacker = true, CreatedBy = leaked, Reason = "Minted by the attacker (GetSessionToken).",
            });
        identities.AddRange(extra ?? []);
        var resources = new List<AttackerResource>();
        foreach (var user in truth.Users)
            resources.Add(new() { Id = $"{ResourceTypes.User}::{user}", Type = ResourceTypes.User, ResourceId = user, CreatedBy = leaked });
        foreach (var i in truth.Instances)
            resources.Add(new()
            {
                Id = $"{ResourceTypes.Instance}:{i.Region}:{i.InstanceId}", Type = ResourceTypes.Instance, Region = i.Region,
                ResourceId = i.InstanceId, CreatedBy = Creator(i.LaunchedBy, leaked),
                Attributes = new JsonObject { ["instanceType"] = i.InstanceType, ["market"] = i.Market, ["spotInstanceRequestId"] = i.SpotInstanceRequestId },
            });
        foreach (var s in truth.SpotRequests.Where(s => s.InstanceId is not null && truth.Instances.All(i => i.InstanceId != s.InstanceId)))
            resources.Add(new()
            {
                Id = $"{ResourceTypes.Instance}:{s.Region}:{s.InstanceId}", Type = ResourceTypes.Instance, Region = s.Region,
                ResourceId = s.InstanceId!, CreatedBy = "user:" + truth.Users[0],
                Attributes = new JsonObject { ["market"] = s.Type == "persistent" ? "spot-persistent" : "spot-one-time", ["spotInstanceRequestId"] = s.SpotInstanceRequestId },
            });
        foreach (var s in truth.SpotRequests)
            resources.Add(new()
            {
                Id = $"{ResourceTypes.SpotRequest}:{s.Region}:{s.SpotInstanceRequestId}", Type = ResourceTypes.SpotRequest, Region = s.Region,
                ResourceId = s.SpotInstanceRequestId, CreatedBy = "user:" + truth.Users[0], Attributes = new JsonObject { ["type"] = s.Type },
            });
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.Identities, "shodo-identities/1", "identities", identities);
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
    }

    private string Creator(string? arn, string leaked) =>
        arn is not null && Truth.Users.FirstOrDefault(u => arn.EndsWith("/" + u, StringComparison.Ordinal)) is { } user ? $"user:{user}" : leaked;

    /// <summary>Successful state-changing calls the responder made, per operation and target (from the range's call records).</summary>
    public IReadOnlyList<(string Operation, string Target)> ResponderChanges()
    {
        lock (Range.State.Sync)
            return Range.State.Calls
                .Where(c => c.Caller?.AccessKeyId == Range.Responder.AccessKeyId && c.ErrorCode is null && !c.ReadOnly)
                .Select(c => (c.EventName, c.RequestParameters?.ToJsonString() ?? ""))
                .ToList();
    }

    /// <summary>Successful changes the responder sent more than once for the same target and parameters (the policy text aside).</summary>
    public IReadOnlyList<string> ChangesMadeTwice()
    {
        lock (Range.State.Sync)
            return Range.State.Calls
                .Where(c => c.Caller?.AccessKeyId == Range.Responder.AccessKeyId && c.ErrorCode is null && !c.ReadOnly)
                .Select(c =>
                {
                    var p = c.RequestParameters?.DeepClone().AsObject() ?? new JsonObject();
                    p.Remove("policyDocument");
                    return $"{c.EventName} {p.ToJsonString()}";
                })
                .GroupBy(k => k).Where(g => g.Count() > 1).Select(g => $"{g.Count()}x {g.Key}").ToList();
    }

    /// <summary>The range's destructive-call count (successes and attempts) for the responder's identity.</summary>
    public (int Succeeded, int Attempted) ResponderDestructiveCalls()
    {
        var counters = Shodo.Range.Admin.CallCounters.Compute(Range.State);
        string arn;
        lock (Range.State.Sync) arn = Range.State.Iam.User(RangeHost.ResponderUserName)!.Arn;
        return ((int?)counters["destructive"]?[arn] ?? 0, (int?)counters["destructiveAttempts"]?[arn] ?? 0);
    }

    public async ValueTask DisposeAsync()
    {
        await Range.DisposeAsync();
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
