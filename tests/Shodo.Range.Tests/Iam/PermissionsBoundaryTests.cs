using Shodo.Range.State.Iam;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Iam;

/// <summary>
/// PutUserPermissionsBoundary and PutRolePermissionsBoundary as the AWS CLI sees them (botocore's iam model): the boundary
/// shows in GetUser, GetRole and GetAccountAuthorizationDetails as PermissionsBoundary {Policy, ARN}; an Allow outside it is
/// no Allow (AccessDenied naming the boundary); a policy or a user that does not exist is NoSuchEntity; a service-linked
/// role is UnmodifiableEntity.
/// </summary>
public sealed class PermissionsBoundaryTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;
    private const string OnlyS3 = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public async Task A_users_boundary_is_shown_everywhere_and_an_allow_outside_it_is_refused()
    {
        var user = fixture.Unique("bounded");
        var key = await Cli.CreateUserWithKeyAsync(user, AwsManagedPolicies.AdministratorAccessArn);
        await Cli.As(key).OkAsync("iam", "list-roles");
        var boundary = (await Cli.OkAsync("iam", "create-policy", "--policy-name", fixture.Unique("OnlyS3"), "--policy-document", OnlyS3))
            .GetProperty("Policy").GetProperty("Arn").GetString()!;

        await Cli.OkAsync("iam", "put-user-permissions-boundary", "--user-name", user, "--permissions-boundary", boundary);

        var shown = (await Cli.OkAsync("iam", "get-user", "--user-name", user)).GetProperty("User").GetProperty("PermissionsBoundary");
        Assert.Equal("Policy", shown.GetProperty("PermissionsBoundaryType").GetString());
        Assert.Equal(boundary, shown.GetProperty("PermissionsBoundaryArn").GetString());
        var details = await Cli.OkAsync("iam", "get-account-authorization-details", "--filter", "User");
        var detail = details.GetProperty("UserDetailList").EnumerateArray().Single(u => u.GetProperty("UserName").GetString() == user);
        Assert.Equal(boundary, detail.GetProperty("PermissionsBoundary").GetProperty("PermissionsBoundaryArn").GetString());

        var refused = await Cli.As(key).FailsWithAsync("AccessDenied", "iam", "list-roles");
        Assert.Contains("no permissions boundary allows the iam:ListRoles action", refused.ErrorMessage);
        await Cli.As(key).OkAsync("s3api", "list-buckets");
    }

    [Fact]
    public async Task A_roles_boundary_is_shown_in_get_role_and_the_authorization_details()
    {
        var role = fixture.Unique("bounded-role");
        await Cli.OkAsync("iam", "create-role", "--role-name", role, "--assume-role-policy-document", Trust);

        await Cli.OkAsync("iam", "put-role-permissions-boundary", "--role-name", role, "--permissions-boundary", AwsManagedPolicies.ReadOnlyAccessArn);

        Assert.Equal(AwsManagedPolicies.ReadOnlyAccessArn, (await Cli.OkAsync("iam", "get-role", "--role-name", role))
            .GetProperty("Role").GetProperty("PermissionsBoundary").GetProperty("PermissionsBoundaryArn").GetString());
        var details = await Cli.OkAsync("iam", "get-account-authorization-details", "--filter", "Role");
        var detail = details.GetProperty("RoleDetailList").EnumerateArray().Single(r => r.GetProperty("RoleName").GetString() == role);
        Assert.Equal("Policy", detail.GetProperty("PermissionsBoundary").GetProperty("PermissionsBoundaryType").GetString());
    }

    [Fact]
    public async Task A_boundary_that_does_not_exist_or_a_user_that_does_not_is_no_such_entity_and_a_service_linked_role_is_unmodifiable()
    {
        var user = fixture.Unique("unbounded");
        await Cli.OkAsync("iam", "create-user", "--user-name", user);
        await Cli.FailsWithAsync("NoSuchEntity", "iam", "put-user-permissions-boundary", "--user-name", user,
            "--permissions-boundary", "arn:aws:iam::aws:policy/NoSuchPolicy");
        await Cli.FailsWithAsync("NoSuchEntity", "iam", "put-user-permissions-boundary", "--user-name", fixture.Unique("nobody"),
            "--permissions-boundary", AwsManagedPolicies.ReadOnlyAccessArn);
        Assert.False((await Cli.OkAsync("iam", "get-user", "--user-name", user)).GetProperty("User").TryGetProperty("PermissionsBoundary", out _));

        var linked = "AWSServiceRoleForSupport";
        var state = fixture.Range.State;
        lock (state.Sync)
            state.Iam.Roles[linked] = new IamRole
            {
                RoleName = linked, RoleId = IamIds.RoleId(), Path = "/aws-service-role/support.amazonaws.com/",
                Arn = state.IamArn("role", "/aws-service-role/support.amazonaws.com/", linked), CreateDate = state.Clock.Now,
                AssumeRolePolicyDocument = Trust,
            };
        await Cli.FailsWithAsync("UnmodifiableEntity", "iam", "put-role-permissions-boundary", "--role-name", linked,
            "--permissions-boundary", AwsManagedPolicies.ReadOnlyAccessArn);
    }
}
