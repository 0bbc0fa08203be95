using System.Net;
using Shodo.Range.State.Iam;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Iam;

/// <summary>
/// Roles only AWS may change — IAM Identity Center's (AWSReservedSSO_*, /aws-reserved/sso.amazonaws.com/) and
/// service-linked roles (/aws-service-role/) — refuse PutRolePolicy and AttachRolePolicy with UnmodifiableEntity,
/// HTTP 400 (botocore's iam model), as the AWS CLI sees it.
/// </summary>
public sealed class ProtectedRoleTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;
    private const string Deny = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""";

    private string Seed(string name, string path)
    {
        var state = fixture.Range.State;
        lock (state.Sync)
            state.Iam.Roles[name] = new IamRole
            {
                RoleName = name, RoleId = IamIds.RoleId(), Path = path, Arn = state.IamArn("role", path, name),
                CreateDate = state.Clock.Now, AssumeRolePolicyDocument =
                    """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/AWSSSO_1_DO_NOT_DELETE"},"Action":"sts:AssumeRoleWithSAML"}]}""",
            };
        return name;
    }

    [Theory]
    [InlineData("AWSReservedSSO_AdministratorAccess_0123456789abcdef", "/aws-reserved/sso.amazonaws.com/")]
    [InlineData("AWSServiceRoleForSupport", "/aws-service-role/support.amazonaws.com/")]
    public async Task Policies_cannot_be_put_on_or_attached_to_a_protected_role(string name, string path)
    {
        Seed(name, path);
        var role = (await Cli.OkAsync("iam", "get-role", "--role-name", name)).GetProperty("Role");
        Assert.Equal(path, role.GetProperty("Path").GetString());

        var put = await Cli.FailsWithAsync("UnmodifiableEntity", "iam", "put-role-policy", "--role-name", name,
            "--policy-name", "deny", "--policy-document", Deny);
        Assert.Contains($"protected role '{name}'", put.ErrorMessage);
        await Cli.FailsWithAsync("UnmodifiableEntity", "iam", "attach-role-policy", "--role-name", name,
            "--policy-arn", AwsManagedPolicies.DenyAllArn);
        Assert.Equal(0, (await Cli.OkAsync("iam", "list-role-policies", "--role-name", name)).GetProperty("PolicyNames").GetArrayLength());
        Assert.Equal(0, (await Cli.OkAsync("iam", "list-attached-role-policies", "--role-name", name)).GetProperty("AttachedPolicies").GetArrayLength());

        using var http = new SignedHttp(fixture.Range.Url, fixture.Range.Responder);
        var raw = await http.PostAsync("iam", "us-east-1", $"Action=AttachRolePolicy&Version=2010-05-08&RoleName={name}" +
            $"&PolicyArn={Uri.EscapeDataString(AwsManagedPolicies.DenyAllArn)}");
        Assert.Equal(HttpStatusCode.BadRequest, raw.StatusCode);
        Assert.Contains("<Code>UnmodifiableEntity</Code>", await raw.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_ordinary_role_still_takes_a_deny()
    {
        var name = fixture.Unique("ordinary");
        Seed(name, "/");
        await Cli.OkAsync("iam", "put-role-policy", "--role-name", name, "--policy-name", "deny", "--policy-document", Deny);
        await Cli.OkAsync("iam", "attach-role-policy", "--role-name", name, "--policy-arn", AwsManagedPolicies.DenyAllArn);
    }
}
