using System.Net;
using Shodo.Range.State.Iam;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Iam;

/// <summary>
/// IAM's policy quotas as the AWS CLI meets them: a principal's inline policies total at most 2,048 characters
/// (user), 10,240 (role), 5,120 (group), white space not counted; at most 10 managed policies attached.
/// Over either: LimitExceeded, HTTP 409 (botocore's iam model).
/// </summary>
public sealed class PolicyQuotaTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;
    private const string TrustAccount = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}""";

    /// <summary>An Allow policy of exactly <paramref name="size"/> characters (white space not counted) naming one long Sid.</summary>
    public static string PolicyOfSize(int size)
    {
        const string template = """{"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
        return template.Replace("\"S\"", "\"" + new string('F', size - template.Length + 1) + "\"", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user", 2048)]
    [InlineData("role", 10240)]
    [InlineData("group", 5120)]
    public async Task Inline_policies_past_the_principals_total_are_refused_with_LimitExceeded(string kind, int quota)
    {
        var name = fixture.Unique("quota-" + kind);
        await (kind switch
        {
            "user" => Cli.OkAsync("iam", "create-user", "--user-name", name),
            "role" => Cli.OkAsync("iam", "create-role", "--role-name", name, "--assume-role-policy-document", TrustAccount),
            _ => Cli.OkAsync("iam", "create-group", "--group-name", name),
        });
        var put = $"put-{kind}-policy";
        var nameOption = $"--{kind}-name";
        // Filled to the quota exactly, in two policies: accepted; white space is not counted.
        await Cli.OkAsync("iam", put, nameOption, name, "--policy-name", "a", "--policy-document", PolicyOfSize(quota - 200));
        await Cli.OkAsync("iam", put, nameOption, name, "--policy-name", "b", "--policy-document", "  " + PolicyOfSize(200) + "\n ");
        var over = await Cli.FailsWithAsync("LimitExceeded", "iam", put, nameOption, name, "--policy-name", "c",
            "--policy-document", PolicyOfSize(120));
        Assert.Contains($"Maximum policy size of {quota} bytes exceeded for {kind} {name}", over.ErrorMessage);
        // Replacing a policy counts the new version instead of the old one.
        await Cli.OkAsync("iam", put, nameOption, name, "--policy-name", "b", "--policy-document", PolicyOfSize(150));

        using var http = new SignedHttp(fixture.Range.Url, fixture.Range.Responder);
        var raw = await http.PostAsync("iam", "us-east-1",
            $"Action=Put{char.ToUpperInvariant(kind[0])}{kind[1..]}Policy&Version=2010-05-08&{char.ToUpperInvariant(kind[0])}{kind[1..]}Name={name}" +
            $"&PolicyName=d&PolicyDocument={Uri.EscapeDataString(PolicyOfSize(200))}");
        Assert.Equal(HttpStatusCode.Conflict, raw.StatusCode);
        Assert.Contains("<Code>LimitExceeded</Code>", await raw.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_eleventh_managed_policy_is_refused_with_LimitExceeded()
    {
        var user = fixture.Unique("attached-full");
        await Cli.OkAsync("iam", "create-user", "--user-name", user);
        for (var i = 0; i < 10; i++)
        {
            var arn = (await Cli.OkAsync("iam", "create-policy", "--policy-name", fixture.Unique("filler"),
                "--policy-document", PolicyOfSize(150))).GetProperty("Policy").GetProperty("Arn").GetString()!;
            await Cli.OkAsync("iam", "attach-user-policy", "--user-name", user, "--policy-arn", arn);
        }
        var over = await Cli.FailsWithAsync("LimitExceeded", "iam", "attach-user-policy", "--user-name", user,
            "--policy-arn", AwsManagedPolicies.DenyAllArn);
        Assert.Contains("PoliciesPerUser: 10", over.ErrorMessage);

        using var http = new SignedHttp(fixture.Range.Url, fixture.Range.Responder);
        var raw = await http.PostAsync("iam", "us-east-1", $"Action=AttachUserPolicy&Version=2010-05-08&UserName={user}" +
            $"&PolicyArn={Uri.EscapeDataString(AwsManagedPolicies.DenyAllArn)}");
        Assert.Equal(HttpStatusCode.Conflict, raw.StatusCode);
    }

    [Fact]
    public async Task AWSDenyAll_is_served_as_an_AWS_managed_policy_that_denies_everything()
    {
        var policy = (await Cli.OkAsync("iam", "get-policy", "--policy-arn", AwsManagedPolicies.DenyAllArn)).GetProperty("Policy");
        Assert.Equal("AWSDenyAll", policy.GetProperty("PolicyName").GetString());
        var user = fixture.Unique("denied");
        var key = await Cli.CreateUserWithKeyAsync(user);
        await Cli.OkAsync("iam", "attach-user-policy", "--user-name", user, "--policy-arn", AwsManagedPolicies.ReadOnlyAccessArn);
        await Cli.As(key).OkAsync("iam", "list-users");
        await Cli.OkAsync("iam", "attach-user-policy", "--user-name", user, "--policy-arn", AwsManagedPolicies.DenyAllArn);
        await Cli.As(key).FailsWithAsync("AccessDenied", "iam", "list-users");
        var scope = (await Cli.OkAsync("iam", "list-policies", "--scope", "AWS")).GetProperty("Policies").EnumerateArray()
            .Single(p => p.GetProperty("PolicyName").GetString() == "AWSDenyAll");
        Assert.Equal(AwsManagedPolicies.DenyAllArn, scope.GetProperty("Arn").GetString());
    }
}
