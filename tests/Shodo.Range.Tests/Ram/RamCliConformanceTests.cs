using System.Text.Json;
using Shodo.Range.State;
using Shodo.Range.Tests.Ec2;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Ram;

/// <summary>
/// AWS RAM through the real AWS CLI (REST-JSON): an attacker shares a subnet with an outside account, the owner reads the
/// share, its principal and resource associations and the shared resources back, AWS's errors come back with the codes of
/// botocore's <c>ram</c> model, each change is a CloudTrail event of ram.amazonaws.com, and the shares travel in the state file.
/// </summary>
public sealed class RamCliConformanceTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private const string Outside = "999988887777";

    private async Task<(AwsCli Cli, string SubnetArn)> CliWithSubnetAsync(string region)
    {
        var cli = fixture.Cli.InRegion(region);
        var subnet = (await cli.OkAsync("ec2", "describe-subnets")).Items("Subnets").First().Str("SubnetId");
        return (cli, $"arn:aws:ec2:{region}:{fixture.Range.State.AccountId}:subnet/{subnet}");
    }

    [Fact]
    public async Task A_subnet_shared_with_an_outside_account_is_read_back_as_an_external_principal_and_a_shared_resource()
    {
        var (cli, subnetArn) = await CliWithSubnetAsync("ap-northeast-1");
        var name = fixture.Unique("exfil-net");
        var created = (await cli.OkAsync("ram", "create-resource-share", "--name", name, "--resource-arns", subnetArn,
            "--principals", Outside, "--tags", "key=owner,value=x")).GetProperty("resourceShare");
        var arn = created.Str("resourceShareArn");
        Assert.Matches($@"^arn:aws:ram:ap-northeast-1:{fixture.Range.State.AccountId}:resource-share/[0-9a-f-]{{36}}$", arn);
        Assert.Equal("ACTIVE", created.Str("status"));
        Assert.True(created.GetProperty("allowExternalPrincipals").GetBoolean());

        var shares = (await cli.OkAsync("ram", "get-resource-shares", "--resource-owner", "SELF", "--name", name)).Items("resourceShares").ToList();
        Assert.Equal(arn, Assert.Single(shares).Str("resourceShareArn"));
        Assert.Equal(fixture.Range.State.AccountId, shares[0].Str("owningAccountId"));
        Assert.Empty((await cli.OkAsync("ram", "get-resource-shares", "--resource-owner", "OTHER-ACCOUNTS")).Items("resourceShares"));

        var principal = Assert.Single((await cli.OkAsync("ram", "get-resource-share-associations", "--association-type", "PRINCIPAL",
            "--resource-share-arns", arn)).Items("resourceShareAssociations"));
        Assert.Equal(Outside, principal.Str("associatedEntity"));
        Assert.Equal("ASSOCIATED", principal.Str("status"));
        Assert.True(principal.GetProperty("external").GetBoolean());
        var resource = Assert.Single((await cli.OkAsync("ram", "get-resource-share-associations", "--association-type", "RESOURCE",
            "--resource-share-arns", arn)).Items("resourceShareAssociations"));
        Assert.Equal(subnetArn, resource.Str("associatedEntity"));

        var listed = Assert.Single((await cli.OkAsync("ram", "list-resources", "--resource-owner", "SELF", "--principal", Outside,
            "--resource-share-arns", arn)).Items("resources"));
        Assert.Equal(subnetArn, listed.Str("arn"));
        Assert.Equal("ec2:Subnet", listed.Str("type"));

        var call = fixture.Range.State.Calls.Last(c => c.EventName == "CreateResourceShare" && c.ErrorCode is null);
        Assert.Equal("ram.amazonaws.com", call.EventSource);
        Assert.Equal("ap-northeast-1", call.Region);
        Assert.Equal(Outside, call.RequestParameters!["principals"]![0]!.GetValue<string>());
        Assert.Equal(arn, call.ResponseElements!["resourceShare"]!["resourceShareArn"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_association_adds_a_principal_and_the_refusals_carry_the_codes_of_the_ram_model()
    {
        var (cli, subnetArn) = await CliWithSubnetAsync("eu-central-1");
        var arn = (await cli.OkAsync("ram", "create-resource-share", "--name", fixture.Unique("inside"), "--no-allow-external-principals"))
            .GetProperty("resourceShare").Str("resourceShareArn");
        await cli.FailsWithStatusAsync("OperationNotPermittedException", 400,
            "ram", "associate-resource-share", "--resource-share-arn", arn, "--principals", Outside);
        await cli.FailsWithStatusAsync("UnknownResourceException", 400, "ram", "create-resource-share", "--name", "x",
            "--resource-arns", $"arn:aws:ec2:eu-central-1:{fixture.Range.State.AccountId}:subnet/subnet-0000000000000000f");
        await cli.FailsWithAsync("MalformedArnException", "ram", "create-resource-share", "--name", "x", "--resource-arns", "subnet-1");
        await cli.FailsWithAsync("UnknownResourceException", "ram", "get-resource-shares", "--resource-owner", "SELF",
            "--resource-share-arns", $"arn:aws:ram:eu-central-1:{fixture.Range.State.AccountId}:resource-share/{Guid.NewGuid()}");
        await cli.FailsWithAsync("InvalidParameterException", "ram", "get-resource-share-associations", "--association-type", "RESOURCE",
            "--principal", Outside);
        Assert.Empty((await cli.OkAsync("ram", "get-resource-share-associations", "--association-type", "PRINCIPAL",
            "--resource-share-arns", arn)).Items("resourceShareAssociations"));

        var open = (await cli.OkAsync("ram", "create-resource-share", "--name", fixture.Unique("open")))
            .GetProperty("resourceShare").Str("resourceShareArn");
        var added = (await cli.OkAsync("ram", "associate-resource-share", "--resource-share-arn", open, "--principals", Outside,
            "--resource-arns", subnetArn)).Items("resourceShareAssociations").ToList();
        Assert.Equal(["PRINCIPAL", "RESOURCE"], added.Select(a => a.Str("associationType")).Order());
        Assert.Equal(Outside, Assert.Single((await cli.OkAsync("ram", "get-resource-share-associations", "--association-type", "PRINCIPAL",
            "--principal", Outside, "--resource-share-arns", open)).Items("resourceShareAssociations")).Str("associatedEntity"));
    }

    [Fact]
    public async Task The_reads_page_by_max_results_and_next_token_as_the_cli_paginator_follows_them()
    {
        var (cli, subnetArn) = await CliWithSubnetAsync("sa-east-1");
        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            names.Add(fixture.Unique("paged"));
            await cli.OkAsync("ram", "create-resource-share", "--name", names[^1], "--resource-arns", subnetArn, "--principals", Outside);
        }
        var all = (await cli.OkAsync("ram", "get-resource-shares", "--resource-owner", "SELF", "--page-size", "1")).Items("resourceShares");
        Assert.Equal(names, all.Select(s => s.Str("name")));
        var first = await cli.OkAsync("ram", "get-resource-share-associations", "--association-type", "PRINCIPAL", "--no-paginate", "--max-results", "2");
        Assert.Equal(2, first.Items("resourceShareAssociations").Count());
        var next = first.Str("nextToken");
        var rest = await cli.OkAsync("ram", "get-resource-share-associations", "--association-type", "PRINCIPAL", "--no-paginate",
            "--max-results", "2", "--next-token", next);
        Assert.Single(rest.Items("resourceShareAssociations"));
        Assert.False(rest.TryGetProperty("nextToken", out _));
        Assert.Equal(3, (await cli.OkAsync("ram", "list-resources", "--resource-owner", "SELF", "--page-size", "2")).Items("resources").Count());
        await cli.FailsWithAsync("InvalidNextTokenException", "ram", "get-resource-shares", "--resource-owner", "SELF", "--no-paginate",
            "--next-token", "not-a-token");
        await cli.FailsWithAsync("InvalidParameterException", "ram", "get-resource-shares", "--resource-owner", "SELF", "--no-paginate",
            "--max-results", "501");
    }

    [Fact]
    public async Task Shares_and_their_associations_travel_in_the_state_file()
    {
        var (cli, subnetArn) = await CliWithSubnetAsync("us-west-2");
        var arn = (await cli.OkAsync("ram", "create-resource-share", "--name", fixture.Unique("saved"), "--resource-arns", subnetArn,
            "--principals", Outside)).GetProperty("resourceShare").Str("resourceShareArn");
        var path = Path.Combine(Path.GetTempPath(), $"shodo-ram-{Guid.NewGuid():N}.json");
        try
        {
            await RangeStateFile.SaveAsync(fixture.Range.State, path, default);
            var loaded = new RangeState(fixture.Range.State.AccountId, new RangeClock(TimeProvider.System));
            await RangeStateFile.LoadAsync(loaded, path, default);
            lock (loaded.Sync)
            {
                var share = loaded.ResourceShares("us-west-2").Single(s => s.Arn == arn);
                Assert.Equal([(subnetArn, "RESOURCE", false), (Outside, "PRINCIPAL", true)],
                    share.Associations.Select(a => (a.Entity, a.Type, a.External)));
                Assert.Equal("ec2:Subnet", share.Associations[0].ResourceType);
            }
        }
        finally { File.Delete(path); }
    }
}
