using Shodo.Range;
using Shodo.Range.State;
using Shodo.Range.State.CloudTrail;
using Shodo.Range.State.Ec2;
using Shodo.Range.State.Iam;

namespace Shodo.Tests.Evidence;

/// <summary>
/// A small compromised-looking account on the range: two users with keys and policies, instances in
/// two regions, a tagged personal-data bucket and an untagged one, a shared RDS snapshot, a trail.
/// </summary>
public static class SeededRange
{
    public const string PersonalDataBucket = "acme-customer-pii";
    public const string LogBucket = "acme-trail-logs";

    public sealed record Seed(IReadOnlyList<string> InstancesEast, IReadOnlyList<string> InstancesTokyo);

    public static Seed Apply(RangeHost range)
    {
        var state = range.State;
        IReadOnlyList<string> east, tokyo;
        lock (state.Sync)
        {
            var alice = state.AddUser("alice");
            state.AddAccessKey("alice");
            alice.InlinePolicies["s3-read"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
            alice.AttachedPolicyArns.Add(AwsManagedPolicies.ReadOnlyAccessArn);
            alice.LoginProfile = new LoginProfile { CreateDate = state.Clock.Now };
            alice.MfaDevices.Add(new MfaDevice("arn:aws:iam::" + state.AccountId + ":mfa/alice", state.Clock.Now));
            var backdoor = state.AddUser("backup-svc");
            state.AddAccessKey("backup-svc");
            state.AddAccessKey("backup-svc");
            backdoor.AttachedPolicyArns.Add(AwsManagedPolicies.AdministratorAccessArn);
            backdoor.AttachedPolicyArns.Add(AwsManagedPolicies.QuarantineV1Arn);

            var spec = new LaunchSpec { ImageId = "ami-0abcdef1234567890", InstanceType = "p3.16xlarge", DisableApiStop = true };
            east = state.Ec2("us-east-1").Launch(spec, 2, state.Clock.Now).Select(i => i.InstanceId).ToList();
            tokyo = state.Ec2("ap-northeast-1").Launch(spec with { InstanceType = "c5.24xlarge" }, 1, state.Clock.Now)
                .Select(i => i.InstanceId).ToList();
        }
        var pii = state.CreateBucket(PersonalDataBucket, "us-east-1");
        lock (state.Sync) pii.Tags = new Dictionary<string, string> { ["data-classification"] = "personal" };
        state.CreateBucket(LogBucket, "eu-west-1");
        state.CreateDbInstance("us-east-1", "orders-db");
        state.CreateDbSnapshot("us-east-1", "orders-db-manual", "orders-db").RestoreAccounts.Add("999988887777");
        state.CreateTrail("org-trail", LogBucket, startLoggingAt: state.Clock.Now.AddDays(-30),
            eventSelectors: [new EventSelector("All", true)]);
        return new Seed(east, tokyo);
    }

    /// <summary>Every secret the range holds: access key secrets and session tokens.</summary>
    public static IReadOnlyList<string> Secrets(RangeHost range)
    {
        lock (range.State.Sync)
            return range.State.Iam.AccessKeys.Values.Select(k => k.SecretAccessKey)
                .Concat(range.State.Iam.Sessions.Values.SelectMany(s => new[] { s.SecretAccessKey, s.Token }))
                .ToList();
    }
}
