using System.Text.Json.Nodes;
using Shodo.Range.Scenarios;
using Shodo.Range.Serving;
using Shodo.Range.State;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Adversary;

/// <summary>
/// What the adversary does with one credential in one round: launch a mining instance in a random
/// enabled region, and with a long-term key also keep its foothold — re-create the backdoor user if
/// it was removed, create another access key (a new backdoor user when the old one has two), or mint
/// a session token and enter again the accounts of the organisation the scenario's attacker reached — rotating by round — and share again every snapshot and image the scenario says it shared out and open
/// again every bucket it opened (the doors to the data must stay shut once contained). Every call goes through the
/// dispatcher like a client's.
/// </summary>
internal sealed class AdversaryMoves(RangeState state, Dispatcher dispatcher, AdversaryStatus status,
    string backdoorUser, Random random, IReadOnlyList<GroundTruthSharedSnapshot> shares, IReadOnlyList<string> reachedRoles,
    IReadOnlyList<GroundTruthSharedEbsSnapshot>? ebsShares = null, IReadOnlyList<GroundTruthOpenedBucket>? buckets = null,
    IReadOnlyList<GroundTruthSharedImage>? images = null)
{
    private static readonly string[] InstanceTypes = ["p3.2xlarge", "g4dn.xlarge", "c5.4xlarge", "p3.8xlarge"];
    private const string MiningImage = "ami-0c7217cdde317cfec";
    private int _backdoorGeneration;

    private string BackdoorUser => _backdoorGeneration == 0 ? backdoorUser : $"{backdoorUser}{_backdoorGeneration + 1}";

    public async Task<(int Succeeded, List<HeldCredential> Gained)> ActAsync(HeldCredential held, long round,
        CancellationToken ct)
    {
        var gained = new List<HeldCredential>();
        var succeeded = 0;
        string region;
        string type;
        lock (state.Sync)
        {
            var enabled = state.Regions.Enabled;
            region = enabled[random.Next(enabled.Count)].Name;
            type = InstanceTypes[random.Next(InstanceTypes.Length)];
        }
        if (await CallAsync(held, "ec2", "RunInstances", region, new()
            {
                ["ImageId"] = MiningImage, ["InstanceType"] = type, ["MinCount"] = "1", ["MaxCount"] = "1",
            }, ct) is { Succeeded: true })
            succeeded++;
        foreach (var share in shares)
            if (await CallAsync(held, "rds", "ModifyDBSnapshotAttribute", share.Region, new()
                {
                    ["DBSnapshotIdentifier"] = share.DbSnapshotIdentifier, ["AttributeName"] = "restore",
                    ["ValuesToAdd.AttributeValue.1"] = share.SharedWithAccount,
                }, ct) is { Succeeded: true })
                succeeded++;
        succeeded += await ReopenDoorsAsync(held, ct);
        if (held.IsTemporary) return (succeeded, gained);

        switch (round % 3)
        {
            case 1:
                succeeded += await KeepBackdoorAsync(held, gained, ct);
                break;
            case 2:
                succeeded += await NewKeyAsync(held, gained, ct);
                break;
            default:
                var session = await CallAsync(held, "sts", "GetSessionToken", "us-east-1", new() { ["DurationSeconds"] = "43200" }, ct);
                if (session.Succeeded) { succeeded++; gained.Add(Credential(held, session)); }
                succeeded += await ReenterAsync(held, gained, round, ct);
                break;
        }
        return (succeeded, gained);
    }

    /// <summary>
    /// Enters again the other accounts of the organisation the scenario's attacker reached, with a fresh session of the role
    /// it assumed there (its earlier sessions expire within the hour): only a key of the account the roles trust can.
    /// </summary>
    private async Task<int> ReenterAsync(HeldCredential held, List<HeldCredential> gained, long round, CancellationToken ct)
    {
        if (reachedRoles.Count == 0 || Services.Sts.GetAccessKeyInfo.Decode(held.Credentials.AccessKeyId) != state.AccountId) return 0;
        var succeeded = 0;
        foreach (var role in reachedRoles)
        {
            var session = await CallAsync(held, "sts", "AssumeRole", "us-east-1",
                new() { ["RoleArn"] = role, ["RoleSessionName"] = $"aws-go-sdk-{round}" }, ct);
            if (!session.Succeeded) continue;
            succeeded++;
            gained.Add(Credential(held, session));
        }
        return succeeded;
    }

    /// <summary>
    /// Shares every EBS snapshot and every AMI out again and opens every bucket again: Block Public Access off, then a policy letting
    /// anyone (<c>all</c>) and each outside account read (S3 refuses the policy while BPA blocks public policies).
    /// </summary>
    private async Task<int> ReopenDoorsAsync(HeldCredential held, CancellationToken ct)
    {
        var succeeded = 0;
        foreach (var share in ebsShares ?? [])
            if (await CallAsync(held, "ec2", "ModifySnapshotAttribute", share.Region, new()
                {
                    ["SnapshotId"] = share.SnapshotId, ["Attribute"] = "createVolumePermission",
                    ["CreateVolumePermission.Add.1.UserId"] = share.SharedWithAccount,
                }, ct) is { Succeeded: true })
                succeeded++;
        foreach (var image in images ?? [])
            if (await CallAsync(held, "ec2", "ModifyImageAttribute", image.Region, new()
                {
                    ["ImageId"] = image.ImageId, ["Attribute"] = "launchPermission",
                    ["LaunchPermission.Add.1.UserId"] = image.SharedWithAccount,
                }, ct) is { Succeeded: true })
                succeeded++;
        foreach (var bucket in buckets ?? [])
        {
            string region;
            lock (state.Sync) region = state.FindBucket(bucket.Bucket)?.Region ?? "us-east-1";
            if (await CallAsync(held, "s3", "PutPublicAccessBlock", region, new()
                {
                    ["Bucket"] = bucket.Bucket,
                    ["Body"] = "<PublicAccessBlockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><BlockPublicAcls>false</BlockPublicAcls>" +
                               "<IgnorePublicAcls>false</IgnorePublicAcls><BlockPublicPolicy>false</BlockPublicPolicy>" +
                               "<RestrictPublicBuckets>false</RestrictPublicBuckets></PublicAccessBlockConfiguration>",
                }, ct) is { Succeeded: true })
                succeeded++;
            if (await CallAsync(held, "s3", "PutBucketPolicy", region, new()
                {
                    ["Bucket"] = bucket.Bucket, ["Body"] = OpenPolicy(bucket),
                }, ct) is { Succeeded: true })
                succeeded++;
        }
        return succeeded;
    }

    private static string OpenPolicy(GroundTruthOpenedBucket bucket)
    {
        var statements = bucket.OpenTo.Select(who => new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = who == "all" ? "*" : new JsonObject { ["AWS"] = $"arn:aws:iam::{who}:root" },
            ["Action"] = "s3:GetObject", ["Resource"] = $"arn:aws:s3:::{bucket.Bucket}/*",
        }).ToArray();
        return new JsonObject
        {
            ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(statements),
        }.ToJsonString();
    }

    /// <summary>Re-creates the backdoor user with administrator rights and a key if it is gone.</summary>
    private async Task<int> KeepBackdoorAsync(HeldCredential held, List<HeldCredential> gained, CancellationToken ct)
    {
        var user = await CallAsync(held, "iam", "GetUser", "us-east-1", new() { ["UserName"] = BackdoorUser }, ct);
        if (user.Succeeded) return 1;
        if (user.Error?.Code != "NoSuchEntity") return 0;
        var succeeded = 0;
        if ((await CallAsync(held, "iam", "CreateUser", "us-east-1", new() { ["UserName"] = BackdoorUser }, ct)).Succeeded)
            succeeded++;
        if ((await CallAsync(held, "iam", "AttachUserPolicy", "us-east-1", new()
            {
                ["UserName"] = BackdoorUser, ["PolicyArn"] = state.Managed(AwsManagedPolicies.AdministratorAccessArn),
            }, ct)).Succeeded)
            succeeded++;
        return succeeded + await NewKeyAsync(held, gained, ct);
    }

    /// <summary>Another access key for the backdoor user; a new backdoor user when it has two already.</summary>
    private async Task<int> NewKeyAsync(HeldCredential held, List<HeldCredential> gained, CancellationToken ct)
    {
        var key = await CallAsync(held, "iam", "CreateAccessKey", "us-east-1", new() { ["UserName"] = BackdoorUser }, ct);
        if (key.Succeeded)
        {
            gained.Add(Credential(held, key));
            return 1;
        }
        if (key.Error?.Code is "LimitExceeded")
        {
            _backdoorGeneration++;
            return await KeepBackdoorAsync(held, gained, ct);
        }
        return 0;
    }

    private async Task<InProcessResult> CallAsync(HeldCredential held, string service, string operation, string region,
        Dictionary<string, object?> parameters, CancellationToken ct)
    {
        var target = dispatcher.Services.First(s => s.Name == service);
        var request = ScenarioRequest.Build(target, operation, parameters, region, state.AccountId, held.SourceIp,
            held.UserAgent);
        var result = await dispatcher.InvokeAsync(request, held.Credentials, ct);
        status.Call(result.Record.Time, result.Error?.Code, $"{service}:{operation} {held.Credentials.AccessKeyId}");
        if (result.Succeeded) RecordCreations(operation, region, result, held.Credentials.AccessKeyId);
        return result;
    }

    private void RecordCreations(string operation, string region, InProcessResult result, string by)
    {
        var saved = new SavedResults();
        saved.Save("r", result.Response);
        var at = result.Record.Time;
        IEnumerable<AdversaryCreation> created = operation switch
        {
            "RunInstances" => saved.Values("r", "InstanceId").Distinct().Select(id => new AdversaryCreation("instance", id, region, at, by)),
            "CreateUser" => saved.Values("r", "UserName").Take(1).Select(u => new AdversaryCreation("user", u, null, at, by)),
            "CreateAccessKey" => saved.Values("r", "AccessKeyId").Take(1).Select(k => new AdversaryCreation("access-key", k, null, at, by)),
            "GetSessionToken" or "AssumeRole" => saved.Values("r", "AccessKeyId").Take(1).Select(k => new AdversaryCreation("session-key", k, null, at, by)),
            _ => [],
        };
        // Where it was created: the caller's account (a session of a member's role acts in that member); a new session, the role's.
        var account = operation == "AssumeRole" ? Services.Sts.GetAccessKeyInfo.Decode(saved.First("r", "AccessKeyId")) : result.Record.Caller?.AccountId;
        foreach (var c in created) status.Create(c with { AccountId = account });
    }

    private static HeldCredential Credential(HeldCredential origin, InProcessResult result)
    {
        var saved = new SavedResults();
        saved.Save("r", result.Response);
        return origin with
        {
            Credentials = new RangeCredentials(saved.First("r", "AccessKeyId"), saved.First("r", "SecretAccessKey"),
                saved.Values("r", "SessionToken").FirstOrDefault()),
        };
    }
}
