using System.Text.Json.Nodes;
using Shodo.Aws.Policy;

namespace Shodo.Tests.Aws.Policy;

/// <summary>
/// A statement's Condition weighed for one caller: what can be decided from what was collected holds or leaves the caller
/// out; the rest is named, so a conditioned grant is never "everyone" and never "nobody".
/// </summary>
public sealed class PolicyConditionsTests
{
    private const string Own = "111122223333", Outside = "444455556666";

    private static ConditionVerdict Of(string condition, PolicyCaller caller) =>
        PolicyConditions.Of(JsonNode.Parse($$"""{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*","Condition":{{condition}}}""")!.AsObject(), caller);

    [Fact]
    public void The_callers_account_held_to_the_accounts_named_decides_for_a_known_account_and_for_everyone_when_only_the_owner_is_named()
    {
        const string callers = $$$"""{"StringEquals":{"kms:CallerAccount":"{{{Own}}}","kms:ViaService":"ec2.us-east-1.amazonaws.com"}}""";
        Assert.True(Of(callers, new PolicyCaller(Outside, Own)).Excluded);
        Assert.True(Of(callers, new PolicyCaller(Own, Own)).Holding);
        Assert.True(Of(callers, new PolicyCaller(null, Own)).Excluded);
        Assert.True(Of($$$"""{"StringEquals":{"aws:PrincipalAccount":["{{{Outside}}}"]}}""", new PolicyCaller(Outside, Own)).Holding);
    }

    [Fact]
    public void A_source_account_condition_is_never_met_by_a_principals_own_request()
    {
        Assert.True(Of($$$"""{"StringEquals":{"aws:SourceAccount":"{{{Outside}}}"}}""", new PolicyCaller(Outside, Own)).Excluded);
    }

    [Fact]
    public void The_organisation_decides_for_the_owners_own_principals_when_it_is_known_and_is_named_otherwise()
    {
        const string org = """{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""";
        Assert.True(Of(org, new PolicyCaller(Own, Own, "o-a1b2c3d4e5")).Holding);
        Assert.True(Of(org, new PolicyCaller(Own, Own, "o-zzzzzzzzzz")).Excluded);
        Assert.Equal(["aws:PrincipalOrgID StringEquals o-a1b2c3d4e5"], Of(org, new PolicyCaller(Outside, Own, "o-a1b2c3d4e5")).Undecided);
        // Held to the owner's own organisation, it lets no one outside it in: not "everyone".
        Assert.True(Of(org, new PolicyCaller(null, Own, "o-a1b2c3d4e5")).Excluded);
        // Another organisation, or the owner's not known: who is in it is not known.
        Assert.False(Of(org, new PolicyCaller(null, Own, "o-zzzzzzzzzz")).Excluded);
        Assert.Equal(["aws:PrincipalOrgID StringEquals o-a1b2c3d4e5"], Of(org, new PolicyCaller(null, Own)).Undecided);
        // An account in no organisation: its own principals are in none.
        Assert.True(Of(org, new PolicyCaller(Own, Own, "")).Excluded);
    }

    [Fact]
    public void Transport_and_service_conditions_hold_and_addresses_and_endpoints_are_named()
    {
        Assert.True(Of("""{"Bool":{"aws:SecureTransport":"true"}}""", new PolicyCaller(null)).Holding);
        var named = Of("""{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","198.51.100.7/32"]},"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1"}}""",
            new PolicyCaller(Outside, Own));
        Assert.False(named.Excluded);
        Assert.Equal(["aws:SourceIp IpAddress 203.0.113.0/24, 198.51.100.7/32", "aws:SourceVpce StringEqualsIfExists vpce-1"], named.Undecided);
    }
}
