using Shodo.Hunting;
using Shodo.Hunting.Sql;
using Shodo.Sigma;

namespace Shodo.Tests.Hunting;

/// <summary>
/// The Athena form of the compiled SQL (no Trino here to run it; DuckDB runs the same plan in
/// SqlAgreementTests): every built-in rule compiles, paths crossing arrays use Trino's lax SQL/JSON
/// paths, and what the layout cannot express is listed, not dropped.
/// </summary>
public sealed class AthenaSqlTests
{
    private static SqlCompilation Athena(params SigmaRule[] rules) =>
        new SigmaSqlCompiler(SqlDialect.Athena).Compile(rules, "cloudtrail_logs");

    [Fact]
    public void Every_built_in_rule_compiles_for_athena()
    {
        var compiled = new SigmaSqlCompiler(SqlDialect.Athena).Compile(HuntRunner.CloudTrailRules(SigmaRuleSet.BuiltIn), "cloudtrail_logs");

        Assert.Empty(compiled.NotCompiled);
        Assert.Contains("CROSS JOIN UNNEST(filter(ARRAY[", compiled.Query);
    }

    [Fact]
    public void A_path_crossing_arrays_is_a_lax_json_path_tested_element_by_element()
    {
        var sql = Athena(EdgeCaseTrail.Rule("sel: {requestParameters.ipPermissions.items.ipRanges.items.cidrIp|endswith: '/0'}\n    condition: sel")).Query;

        Assert.Contains("json_query(requestparameters, 'lax $.\"ipPermissions\".\"items\".\"ipRanges\".\"items\".\"cidrIp\"' WITH ARRAY WRAPPER)", sql);
        Assert.Contains("'lax $.\"ipPermissions\".\"items\".\"ipRanges\".\"items\".\"cidrIp\"[*]'", sql);
        Assert.Contains("any_match(", sql);
        Assert.Contains("LIKE '%/0'", sql);
    }

    [Fact]
    public void Resources_are_the_typed_array_of_structs()
    {
        var sql = Athena(EdgeCaseTrail.Rule("sel: {resources.ARN|contains: 'bucket'}\n    condition: sel")).Query;

        Assert.Contains("any_match(transform(resources, r -> r.arn), x1 ->", sql);
    }

    [Fact]
    public void Keywords_search_every_column_of_the_layout()
    {
        var sql = Athena(EdgeCaseTrail.Rule("keywords: [mimikatz]\n    condition: keywords")).Query;

        Assert.Contains("ARRAY[eventversion,", sql);
        Assert.Contains("useridentity.sessioncontext.sessionissuer.arn", sql);
        Assert.Contains("requestparameters, responseelements, additionaleventdata, serviceeventdetails]", sql);
    }

    [Theory]
    [InlineData("sel: {requestParameters|contains: 'x'}\n    condition: sel", "whole JSON object")]
    [InlineData("sel: {userIdentity.sessionContext.webIdFederationData.federatedProvider: x}\n    condition: sel", "not a column")]
    [InlineData("sel: {sourceIPAddress|cidr: '10.0.0.0/8'}\n    condition: sel", "not compiled")]
    public void What_the_layout_cannot_express_is_listed_with_the_reason(string detection, string reason)
    {
        var compiled = Athena(EdgeCaseTrail.Rule(detection));

        Assert.Empty(compiled.Compiled);
        Assert.Contains(reason, Assert.Single(compiled.NotCompiled).Reason);
    }
}
