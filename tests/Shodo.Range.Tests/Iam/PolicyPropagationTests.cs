using Shodo.Range.State.Iam;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Iam;

/// <summary>A range whose policy changes take 30 s (of its clock) to take effect.</summary>
public sealed class SlowIamRangeFixture : RangeFixture
{
    protected override RangeOptions Options => new() { Port = 0, IamPropagation = TimeSpan.FromSeconds(30) };
}

/// <summary>
/// IAM is eventually consistent (issue 19, item 8): with <c>--iam-propagation</c> a Deny just put on a user is stored at
/// once (GetUserPolicy shows it) but the user's key keeps working until it propagates, and SimulatePrincipalPolicy —
/// the way to prove enforcement without using the compromised key — reports the decision in effect.
/// </summary>
public sealed class PolicyPropagationTests(SlowIamRangeFixture fixture) : IClassFixture<SlowIamRangeFixture>
{
    private AwsCli Cli => fixture.Cli;

    private const string DenyAll = """{"Version":"2012-10-17","Statement":[{"Sid":"DenyAll","Effect":"Deny","Action":"*","Resource":"*"}]}""";

    private async Task<string> DecisionAsync(string userArn, string action) =>
        (await Cli.OkAsync("iam", "simulate-principal-policy", "--policy-source-arn", userArn, "--action-names", action))
        .GetProperty("EvaluationResults")[0].GetProperty("EvalDecision").GetString()!;

    [Fact]
    public async Task A_deny_is_stored_at_once_and_enforced_only_after_propagation_and_the_simulation_says_which()
    {
        var name = fixture.Unique("leaked");
        var key = await Cli.CreateUserWithKeyAsync(name, AwsManagedPolicies.AdministratorAccessArn);
        fixture.Range.State.Clock.Advance(TimeSpan.FromSeconds(31)); // the attachment itself propagates
        var arn = $"arn:aws:iam::{RangeInfo.DefaultAccountId}:user/{name}";
        Assert.Equal("allowed", await DecisionAsync(arn, "ec2:RunInstances"));

        await Cli.OkAsync("iam", "put-user-policy", "--user-name", name, "--policy-name", "deny-all", "--policy-document", DenyAll);
        Assert.Contains("DenyAll", (await Cli.OkAsync("iam", "get-user-policy", "--user-name", name, "--policy-name", "deny-all"))
            .GetProperty("PolicyDocument").ToString());
        await Cli.As(key).OkAsync("ec2", "describe-instances"); // stored, not yet in effect
        Assert.Equal("allowed", await DecisionAsync(arn, "ec2:RunInstances"));

        fixture.Range.State.Clock.Advance(TimeSpan.FromSeconds(31));
        await Cli.As(key).FailsWithStatusAsync("UnauthorizedOperation", 403, "ec2", "describe-instances");
        Assert.Equal("explicitDeny", await DecisionAsync(arn, "ec2:RunInstances"));
    }

    [Fact]
    public async Task The_simulation_takes_context_keys_and_refuses_an_unknown_principal_as_aws_does()
    {
        var name = fixture.Unique("sessions");
        await Cli.CreateUserWithKeyAsync(name, AwsManagedPolicies.AdministratorAccessArn);
        await Cli.OkAsync("iam", "put-user-policy", "--user-name", name, "--policy-name", "revoke-older", "--policy-document",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"2026-01-01T00:00:00Z"}}}]}""");
        fixture.Range.State.Clock.Advance(TimeSpan.FromSeconds(31));
        var arn = $"arn:aws:iam::{RangeInfo.DefaultAccountId}:user/{name}";
        var old = await Cli.OkAsync("iam", "simulate-principal-policy", "--policy-source-arn", arn, "--action-names", "s3:GetObject",
            "--context-entries", "ContextKeyName=aws:TokenIssueTime,ContextKeyValues=2025-12-31T00:00:00Z,ContextKeyType=date");
        Assert.Equal("explicitDeny", old.GetProperty("EvaluationResults")[0].GetProperty("EvalDecision").GetString());
        Assert.Equal("allowed", await DecisionAsync(arn, "s3:GetObject"));

        await Cli.FailsWithStatusAsync("NoSuchEntity", 404, "iam", "simulate-principal-policy",
            "--policy-source-arn", $"arn:aws:iam::{RangeInfo.DefaultAccountId}:user/nobody", "--action-names", "s3:GetObject");
    }
}
