using System.Text;
using Shodo.Range.State;
using Shodo.Range.State.CloudTrail;
using Shodo.Range.State.Ec2;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Scenarios;

/// <summary>
/// Puts a scenario's starting state into the range directly (no CloudTrail events: it existed before
/// the history begins) and returns the named access keys. Policies named without an ARN are the
/// account's customer managed policies. The clock stands at <see cref="Epoch"/> while seeding, so
/// that per-region state (EC2's lazy lifecycle) starts before any call the timeline plays.
/// </summary>
public static class ScenarioSeed
{
    /// <summary>How far back the clock is set while seeding.</summary>
    public static readonly TimeSpan Epoch = TimeSpan.FromDays(-3650);

    public static Dictionary<string, RangeCredentials> Apply(RangeState state, ScenarioFile file, DateTimeOffset start)
    {
        DateTimeOffset At(string relative) => start + RelativeTime.Parse(relative);
        var credentials = new Dictionary<string, RangeCredentials>(StringComparer.Ordinal);
        lock (state.Sync)
        {
            state.Clock.Set(start + Epoch);
            if (file.Account.Alias is { } alias) state.Iam.AccountAliases = [alias];
            foreach (var region in file.Account.OptInRegions) state.Regions.OptIn(region);
            SeedIam(state, file.Iam, At, credentials);
            foreach (var b in file.S3.Buckets) SeedBucket(state, b, At);
            foreach (var t in file.CloudTrail.Trails) SeedTrail(state, t, At);
            foreach (var k in file.Kms.Keys) state.CreateKmsKey(k.Region, description: k.Description, keyId: k.Id, created: At(k.Created));
            foreach (var db in file.Rds.Instances)
                state.CreateDbInstance(db.Region, db.Id, db.Engine, db.Class, At(db.Created), db.DbName, KeyArn(state, db.Region, db.KmsKey));
            foreach (var s in file.Rds.Snapshots) state.CreateDbSnapshot(s.Region, s.Id, s.Instance, "manual", At(s.Created));
            foreach (var c in file.Rds.Clusters) state.CreateDbCluster(c.Region, c.Id, c.Engine, At(c.Created), c.DbName, KeyArn(state, c.Region, c.KmsKey));
            foreach (var s in file.Rds.ClusterSnapshots) state.CreateDbClusterSnapshot(s.Region, s.Id, s.Instance, "manual", At(s.Created));
            foreach (var i in file.Ec2.Instances) SeedInstances(state, i, At);
            if (file.Responder is { } responder) ResponderRole.Seed(state, responder, start + Epoch);
        }
        return credentials;
    }

    private static void SeedIam(RangeState state, IamSpec iam, Func<string, DateTimeOffset> at,
        Dictionary<string, RangeCredentials> credentials)
    {
        foreach (var p in iam.Policies)
        {
            var arn = state.IamArn("policy", "/", p.Name);
            state.Iam.Policies[arn] = new ManagedPolicy
            {
                PolicyName = p.Name, PolicyId = IamIds.PolicyId(), Arn = arn, CreateDate = at(p.Created),
                UpdateDate = at(p.Created), Versions = [new PolicyVersion("v1", p.Document, at(p.Created))],
            };
        }
        foreach (var g in iam.Groups)
            state.Iam.Groups[g.Name] = new IamGroup
            {
                GroupName = g.Name, GroupId = IamIds.GroupId(), Arn = state.IamArn("group", "/", g.Name),
                CreateDate = at(g.Created), AttachedPolicyArns = g.ManagedPolicies.Select(a => PolicyArn(state, a)).ToList(),
                InlinePolicies = new Dictionary<string, string>(g.InlinePolicies, StringComparer.Ordinal),
            };
        foreach (var u in iam.Users)
        {
            var user = state.AddUser(u.Name);
            user.CreateDate = at(u.Created);
            user.AttachedPolicyArns.AddRange(u.ManagedPolicies.Select(a => PolicyArn(state, a)));
            foreach (var (name, doc) in u.InlinePolicies) user.InlinePolicies[name] = doc;
            user.Tags.AddRange(u.Tags.Select(t => new IamTag(t.Key, t.Value)));
            if (u.LoginProfile) user.LoginProfile = new LoginProfile { CreateDate = at(u.Created) };
            foreach (var g in u.Groups)
                (state.Iam.Group(g) ?? throw new ScenarioException($"User {u.Name}: no group {g}")).Members.Add(user.UserName);
            foreach (var k in u.Keys)
            {
                var key = state.AddAccessKey(user.UserName);
                key.CreateDate = at(k.Created);
                key.Status = k.Status;
                if (k.Name is { } name) credentials[name] = new RangeCredentials(key.AccessKeyId, key.SecretAccessKey);
            }
        }
        foreach (var k in iam.RootKeys)
        {
            var key = state.AddRootAccessKey();
            key.CreateDate = at(k.Created);
            key.Status = k.Status;
            if (k.Name is { } name) credentials[name] = new RangeCredentials(key.AccessKeyId, key.SecretAccessKey);
        }
        foreach (var r in iam.Roles)
            state.Iam.Roles[r.Name] = new IamRole
            {
                RoleName = r.Name, RoleId = IamIds.RoleId(), Path = r.Path, Arn = state.IamArn("role", r.Path, r.Name),
                CreateDate = at(r.Created), AssumeRolePolicyDocument = r.Trust, MaxSessionDuration = r.MaxSessionDuration,
                AttachedPolicyArns = r.ManagedPolicies.Select(a => PolicyArn(state, a)).ToList(),
                InlinePolicies = new Dictionary<string, string>(r.InlinePolicies, StringComparer.Ordinal),
            };
    }

    private static string PolicyArn(RangeState state, string nameOrArn)
    {
        var arn = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? state.Managed(nameOrArn) : state.IamArn("policy", "/", nameOrArn);
        return state.Iam.Policy(arn) is null ? throw new ScenarioException($"No managed policy {arn}") : arn;
    }

    private static void SeedBucket(RangeState state, BucketSpec spec, Func<string, DateTimeOffset> at)
    {
        var bucket = state.CreateBucket(spec.Name, spec.Region, at(spec.Created));
        if (spec.Tags is { } tags) bucket.Tags = new Dictionary<string, string>(tags);
        foreach (var o in spec.Objects)
            state.PutObject(spec.Name, o.Key, o.Content is { } c ? Encoding.UTF8.GetBytes(c) : Filler(o.Key, o.Size),
                o.ContentType, at(o.Created));
    }

    /// <summary>Deterministic text of the given size (CSV-like rows), standing in for real content.</summary>
    private static byte[] Filler(string key, int size)
    {
        var text = new StringBuilder();
        for (var row = 0; text.Length < size; row++) text.Append($"{row},{key},row-{row:D6}\n");
        return Encoding.UTF8.GetBytes(text.ToString(0, size));
    }

    private static void SeedTrail(RangeState state, TrailSpec spec, Func<string, DateTimeOffset> at)
    {
        if (state.FindBucket(spec.Bucket) is null) state.CreateBucket(spec.Bucket, spec.HomeRegion, at(spec.LoggingSince));
        var selectors = spec.DataEventBuckets.Count == 0
            ? null
            : new[]
            {
                new EventSelector("All", true, [new DataResource(DataResource.S3Object,
                    spec.DataEventBuckets.Select(b => $"arn:{state.Partition}:s3:::{b}/").ToList())]),
            };
        state.CreateTrail(spec.Name, spec.Bucket, spec.HomeRegion, spec.MultiRegion, at(spec.LoggingSince),
            eventSelectors: selectors);
    }

    private static void SeedInstances(RangeState state, Ec2InstanceSpec spec, Func<string, DateTimeOffset> at)
    {
        var launch = new LaunchSpec
        {
            ImageId = spec.Image, InstanceType = spec.Type, KeyName = spec.KeyName,
            InstanceTags = spec.Tags.Select(t => new Tag(t.Key, t.Value)).ToList(),
        };
        var region = state.Ec2(spec.Region);
        var key = KeyArn(state, spec.Region, spec.KmsKey);
        foreach (var instance in region.Launch(launch, spec.Count, at(spec.Launched)))
        {
            instance.Settle(at(spec.Launched) + InstanceStates.BootTime);
            if (key is null) continue;
            foreach (var volume in region.Volumes.Where(v => instance.VolumeIds.Contains(v.VolumeId)))
                (volume.Encrypted, volume.KmsKeyId) = (true, key);
        }
    }

    /// <summary>A scenario's <c>kmsKey</c>: a seeded key's id (kms.keys) or an AWS managed key's alias (<c>aws/ebs</c>, <c>aws/rds</c>), as the key's ARN.</summary>
    private static string? KeyArn(RangeState state, string region, string? kmsKey) => kmsKey switch
    {
        null => null,
        "aws/ebs" or "aws/rds" => state.AwsManagedKey(region, kmsKey).Arn,
        _ => state.Kms(region).Find(kmsKey)?.Arn ?? throw new ScenarioException($"No KMS key {kmsKey} in {region} (kms.keys)"),
    };
}
