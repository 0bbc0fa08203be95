using static Shodo.Tests.Sigma.SigmaTestRules;

namespace Shodo.Tests.Sigma;

public class FieldPathTests
{
    [Fact]
    public void Dotted_names_reach_into_nested_objects()
    {
        const string rule = "sel:\n    userIdentity.sessionContext.sessionIssuer.userName: ci-role\ncondition: sel";
        Assert.True(Matches(rule, """{"userIdentity":{"sessionContext":{"sessionIssuer":{"userName":"ci-role"}}}}"""));
        Assert.False(Matches(rule, """{"userIdentity":{"sessionContext":{"sessionIssuer":{"userName":"other"}}}}"""));
        Assert.False(Matches(rule, """{"userIdentity":{"sessionContext":null}}"""));
    }

    [Fact]
    public void Paths_cross_arrays_and_any_element_matches()
    {
        const string rule = "sel:\n    requestParameters.instancesSet.items.instanceType|startswith: p3.\ncondition: sel";
        Assert.True(Matches(rule, """{"requestParameters":{"instancesSet":{"items":[{"instanceType":"t3.micro"},{"instanceType":"p3.2xlarge"}]}}}"""));
        Assert.False(Matches(rule, """{"requestParameters":{"instancesSet":{"items":[{"instanceType":"t3.micro"}]}}}"""));
    }

    [Fact]
    public void An_array_of_values_matches_when_any_element_does()
    {
        const string rule = "sel:\n    requestParameters.valuesToAdd: '444455556666'\ncondition: sel";
        Assert.True(Matches(rule, """{"requestParameters":{"valuesToAdd":["111","444455556666"]}}"""));
        Assert.False(Matches(rule, """{"requestParameters":{"valuesToAdd":["111"]}}"""));
    }

    [Fact]
    public void A_whole_sub_object_matches_by_its_compact_serialised_json()
    {
        const string rule = "sel:\n    requestParameters.createVolumePermission|contains: '\"add\":{\"items\":[{\"userId\":\"098797384747\"}]}'\ncondition: sel";
        Assert.True(Matches(rule, """
            {"requestParameters": {"createVolumePermission": { "add": { "items": [ { "userId": "098797384747" } ] } } } }
            """));
        Assert.True(Matches("sel:\n    requestParameters: '{\"a\":1}'\ncondition: sel", """{"requestParameters": { "a" : 1 }}"""));
    }

    [Fact]
    public void A_property_whose_name_contains_dots_is_found()
    {
        const string rule = "sel:\n    additionalEventData.x-amz-id-2.part: abc\ncondition: sel";
        Assert.True(Matches(rule, """{"additionalEventData":{"x-amz-id-2.part":"abc"}}"""));
        Assert.True(Matches("sel:\n    a.b.c: 1\ncondition: sel", """{"a.b":{"c":1}}"""));
    }
}
