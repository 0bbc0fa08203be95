using System.Text.Json;
using Shodo.Range.State.Iam;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Iam;

/// <summary>Inline and managed policies on users, roles and groups; groups; roles; AWS managed policies.</summary>
public sealed class PolicyTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;

    private const string AllowS3Read = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}""";
    private const string TrustAccount = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public async Task Inline_user_policies_put_get_list_delete()
    {
        var name = fixture.Unique("inline");
        await Cli.OkAsync("iam", "create-user", "--user-name", name);
        await Cli.OkAsync("iam", "put-user-policy", "--user-name", name, "--policy-name", "s3read", "--policy-document", AllowS3Read);
        var got = await Cli.OkAsync("iam", "get-user-policy", "--user-name", name, "--policy-name", "s3read");
        Assert.Equal(name, got.GetProperty("UserName").GetString());
        // The CLI decodes IAM's URL-encoded document into JSON.
        Assert.Equal("s3:Get*", got.GetProperty("PolicyDocument").GetProperty("Statement")[0].GetProperty("Action").GetString());
        var listed = await Cli.OkAsync("iam", "list-user-policies", "--user-name", name);
        Assert.Equal(["s3read"], listed.GetProperty("PolicyNames").EnumerateArray().Select(p => p.GetString()!).ToArray());
        await Cli.FailsWithAsync("MalformedPolicyDocument", "iam", "put-user-policy", "--user-name", name,
            "--policy-name", "bad", "--policy-document", """{"Statement":[{"Effect":"Perhaps","Action":"*","Resource":"*"}]}""");
        await Cli.OkAsync("iam", "delete-user-policy", "--user-name", name, "--policy-name", "s3read");
        await Cli.FailsWithAsync("NoSuchEntity", "iam", "get-user-policy", "--user-name", name, "--policy-name", "s3read");
    }

    [Fact]
    public async Task Roles_with_trust_policies_and_their_policies()
    {
        var role = fixture.Unique("ops-role");
        var created = (await Cli.OkAsync("iam", "create-role", "--role-name", role, "--assume-role-policy-document", TrustAccount,
            "--description", "operators")).GetProperty("Role");
        Assert.StartsWith("AROA", created.GetProperty("RoleId").GetString());
        Assert.Equal($"arn:aws:iam::{RangeInfo.DefaultAccountId}:role/{role}", created.GetProperty("Arn").GetString());
        await Cli.FailsWithAsync("EntityAlreadyExists", "iam", "create-role", "--role-name", role, "--assume-role-policy-document", TrustAccount);

        var got = (await Cli.OkAsync("iam", "get-role", "--role-name", role)).GetProperty("Role");
        Assert.Equal("sts:AssumeRole", got.GetProperty("AssumeRolePolicyDocument").GetProperty("Statement")[0].GetProperty("Action").GetString());
        Assert.Equal(3600, got.GetProperty("MaxSessionDuration").GetInt32());
        Assert.Contains((await Cli.OkAsync("iam", "list-roles")).GetProperty("Roles").EnumerateArray(),
            r => r.GetProperty("RoleName").GetString() == role);

        await Cli.OkAsync("iam", "put-role-policy", "--role-name", role, "--policy-name", "read", "--policy-document", AllowS3Read);
        Assert.Equal("read", (await Cli.OkAsync("iam", "list-role-policies", "--role-name", role)).GetProperty("PolicyNames")[0].GetString());
        Assert.Equal("read", (await Cli.OkAsync("iam", "get-role-policy", "--role-name", role, "--policy-name", "read")).GetProperty("PolicyName").GetString());
        await Cli.OkAsync("iam", "attach-role-policy", "--role-name", role, "--policy-arn", AwsManagedPolicies.ReadOnlyAccessArn);
        var attached = await Cli.OkAsync("iam", "list-attached-role-policies", "--role-name", role);
        Assert.Equal("ReadOnlyAccess", attached.GetProperty("AttachedPolicies")[0].GetProperty("PolicyName").GetString());
        await Cli.OkAsync("iam", "detach-role-policy", "--role-name", role, "--policy-arn", AwsManagedPolicies.ReadOnlyAccessArn);
        await Cli.OkAsync("iam", "delete-role-policy", "--role-name", role, "--policy-name", "read");
        Assert.Equal(0, (await Cli.OkAsync("iam", "list-attached-role-policies", "--role-name", role)).GetProperty("AttachedPolicies").GetArrayLength());
        await Cli.FailsWithAsync("NoSuchEntity", "iam", "get-role", "--role-name", "no-such-role");
    }

    [Fact]
    public async Task Groups_membership_and_group_policies_grant_permissions()
    {
        var group = fixture.Unique("admins");
        var user = fixture.Unique("member");
        var key = await Cli.CreateUserWithKeyAsync(user);
        var created = (await Cli.OkAsync("iam", "create-group", "--group-name", group)).GetProperty("Group");
        Assert.StartsWith("AGPA", created.GetProperty("GroupId").GetString());
        Assert.Contains((await Cli.OkAsync("iam", "list-groups")).GetProperty("Groups").EnumerateArray(),
            g => g.GetProperty("GroupName").GetString() == group);

        await Cli.As(key).FailsWithAsync("AccessDenied", "iam", "list-roles");
        await Cli.OkAsync("iam", "add-user-to-group", "--group-name", group, "--user-name", user);
        await Cli.OkAsync("iam", "attach-group-policy", "--group-name", group, "--policy-arn", AwsManagedPolicies.ReadOnlyAccessArn);
        await Cli.As(key).OkAsync("iam", "list-roles");
        Assert.Equal(group, (await Cli.OkAsync("iam", "list-groups-for-user", "--user-name", user)).GetProperty("Groups")[0].GetProperty("GroupName").GetString());
        Assert.Equal(user, (await Cli.OkAsync("iam", "get-group", "--group-name", group)).GetProperty("Users")[0].GetProperty("UserName").GetString());
        Assert.Equal("ReadOnlyAccess", (await Cli.OkAsync("iam", "list-attached-group-policies", "--group-name", group))
            .GetProperty("AttachedPolicies")[0].GetProperty("PolicyName").GetString());

        await Cli.OkAsync("iam", "put-group-policy", "--group-name", group, "--policy-name", "deny-roles",
            "--policy-document", """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:ListRoles","Resource":"*"}]}""");
        await Cli.As(key).FailsWithAsync("AccessDenied", "iam", "list-roles");
        Assert.Equal("deny-roles", (await Cli.OkAsync("iam", "list-group-policies", "--group-name", group)).GetProperty("PolicyNames")[0].GetString());
        await Cli.OkAsync("iam", "delete-group-policy", "--group-name", group, "--policy-name", "deny-roles");

        await Cli.OkAsync("iam", "remove-user-from-group", "--group-name", group, "--user-name", user);
        Assert.Equal(0, (await Cli.OkAsync("iam", "list-groups-for-user", "--user-name", user)).GetProperty("Groups").GetArrayLength());
        await Cli.As(key).FailsWithAsync("AccessDenied", "iam", "list-roles");
        await Cli.OkAsync("iam", "detach-group-policy", "--group-name", group, "--policy-arn", AwsManagedPolicies.ReadOnlyAccessArn);
    }

    [Fact]
    public async Task Managed_policies_attach_detach_and_describe()
    {
        var user = fixture.Unique("attached");
        await Cli.OkAsync("iam", "create-user", "--user-name", user);
        await Cli.OkAsync("iam", "attach-user-policy", "--user-name", user, "--policy-arn", AwsManagedPolicies.QuarantineV3Arn);
        await Cli.FailsWithAsync("NoSuchEntity", "iam", "attach-user-policy", "--user-name", user,
            "--policy-arn", "arn:aws:iam::aws:policy/NoSuchPolicy");
        var attached = await Cli.OkAsync("iam", "list-attached-user-policies", "--user-name", user);
        Assert.Equal(AwsManagedPolicies.QuarantineV3Arn, attached.GetProperty("AttachedPolicies")[0].GetProperty("PolicyArn").GetString());

        var policy = (await Cli.OkAsync("iam", "get-policy", "--policy-arn", AwsManagedPolicies.QuarantineV3Arn)).GetProperty("Policy");
        Assert.Equal("AWSCompromisedKeyQuarantineV3", policy.GetProperty("PolicyName").GetString());
        Assert.True(policy.GetProperty("AttachmentCount").GetInt32() >= 1);
        var version = (await Cli.OkAsync("iam", "get-policy-version", "--policy-arn", AwsManagedPolicies.QuarantineV3Arn,
            "--version-id", policy.GetProperty("DefaultVersionId").GetString()!)).GetProperty("PolicyVersion");
        var actions = version.GetProperty("Document").GetProperty("Statement")[0].GetProperty("Action").EnumerateArray()
            .Select(a => a.GetString()).ToList();
        Assert.Contains("iam:CreateAccessKey", actions);
        Assert.Contains("ec2:RunInstances", actions);
        Assert.True(version.GetProperty("IsDefaultVersion").GetBoolean());

        var aws = await Cli.OkAsync("iam", "list-policies", "--scope", "AWS");
        var names = aws.GetProperty("Policies").EnumerateArray().Select(p => p.GetProperty("PolicyName").GetString()).ToList();
        Assert.Contains("AdministratorAccess", names);
        Assert.Contains("AWSDenyAll", names);
        Assert.Contains("ReadOnlyAccess", names);

        var local = fixture.Unique("CustomerPolicy");
        var created = (await Cli.OkAsync("iam", "create-policy", "--policy-name", local, "--policy-document", AllowS3Read)).GetProperty("Policy");
        Assert.Equal($"arn:aws:iam::{RangeInfo.DefaultAccountId}:policy/{local}", created.GetProperty("Arn").GetString());
        var locals = await Cli.OkAsync("iam", "list-policies", "--scope", "Local");
        Assert.Equal([local], locals.GetProperty("Policies").EnumerateArray().Select(p => p.GetProperty("PolicyName").GetString()!).ToArray());
        var onlyAttached = await Cli.OkAsync("iam", "list-policies", "--only-attached");
        Assert.DoesNotContain(onlyAttached.GetProperty("Policies").EnumerateArray(), p => p.GetProperty("PolicyName").GetString() == local);

        await Cli.OkAsync("iam", "detach-user-policy", "--user-name", user, "--policy-arn", AwsManagedPolicies.QuarantineV3Arn);
        await Cli.FailsWithAsync("NoSuchEntity", "iam", "detach-user-policy", "--user-name", user, "--policy-arn", AwsManagedPolicies.QuarantineV3Arn);
    }

    [Fact]
    public async Task List_entities_for_policy_names_who_carries_the_quarantine_policy()
    {
        var user = fixture.Unique("quarantined");
        var role = fixture.Unique("quarantined-role");
        var quarantine = AwsManagedPolicies.QuarantineV3Arn;
        await Cli.OkAsync("iam", "create-user", "--user-name", user);
        await Cli.OkAsync("iam", "create-role", "--role-name", role, "--assume-role-policy-document", TrustAccount);
        await Cli.OkAsync("iam", "attach-user-policy", "--user-name", user, "--policy-arn", quarantine);
        await Cli.OkAsync("iam", "attach-role-policy", "--role-name", role, "--policy-arn", quarantine);

        var all = await Cli.OkAsync("iam", "list-entities-for-policy", "--policy-arn", quarantine);
        Assert.Contains(user, all.GetProperty("PolicyUsers").EnumerateArray().Select(u => u.GetProperty("UserName").GetString()));
        Assert.Contains(role, all.GetProperty("PolicyRoles").EnumerateArray().Select(r => r.GetProperty("RoleName").GetString()));
        Assert.StartsWith("AIDA", all.GetProperty("PolicyUsers")[0].GetProperty("UserId").GetString());

        var usersOnly = await Cli.OkAsync("iam", "list-entities-for-policy", "--policy-arn", quarantine, "--entity-filter", "User");
        Assert.Empty(usersOnly.GetProperty("PolicyRoles").EnumerateArray());
        // The CLI follows Marker across pages of one item each and still sees both.
        var paged = await Cli.OkAsync("iam", "list-entities-for-policy", "--policy-arn", quarantine, "--page-size", "1");
        Assert.Contains(role, paged.GetProperty("PolicyRoles").EnumerateArray().Select(r => r.GetProperty("RoleName").GetString()));
        await Cli.FailsWithAsync("NoSuchEntity", "iam", "list-entities-for-policy", "--policy-arn", "arn:aws:iam::aws:policy/NoSuchPolicy");
    }
}
