using static Shodo.Tests.Sigma.SigmaTestRules;

namespace Shodo.Tests.Sigma;

public class ValueMatchingTests
{
    private const string EventName = "sel:\n    eventName: {0}\ncondition: sel";

    private static bool Name(string ruleValue, string recordJson) =>
        Matches(string.Format(EventName, ruleValue), $$"""{"eventName": {{recordJson}}}""");

    [Fact]
    public void Strings_match_whole_field_case_insensitively_by_default()
    {
        Assert.True(Name("CreateUser", "\"createuser\""));
        Assert.True(Name("createuser", "\"CREATEUSER\""));
        Assert.False(Name("CreateUser", "\"CreateUserX\""));
        Assert.False(Name("CreateUser", "\"XCreateUser\""));
    }

    [Fact]
    public void Star_matches_any_run_and_question_mark_one_character()
    {
        Assert.True(Name("Create*", "\"CreateAccessKey\""));
        Assert.True(Name("'*Key'", "\"CreateAccessKey\""));
        Assert.True(Name("'*Access*'", "\"CreateAccessKey\""));
        Assert.True(Name("Create*Key", "\"CreateAccessKey\""));
        Assert.True(Name("Create*", "\"Create\""));
        Assert.True(Name("Get?bject", "\"GetObject\""));
        Assert.False(Name("Get?bject", "\"GetObbject\""));
        Assert.False(Name("Get?Object", "\"GetObject\""));
    }

    [Fact]
    public void Backslash_escapes_wildcards_and_itself_and_is_literal_elsewhere()
    {
        Assert.True(Name(@"'a\*b'", "\"a*b\""));
        Assert.False(Name(@"'a\*b'", "\"axxb\""));
        Assert.True(Name(@"'a\?'", "\"a?\""));
        Assert.False(Name(@"'a\?'", "\"ab\""));
        Assert.True(Name(@"'C:\\*'", "\"C:\\\\Windows\""));     // \\ is one backslash, then a wildcard
        Assert.True(Name(@"'C:\Windows'", "\"C:\\\\Windows\""));  // \W is not an escape: a plain backslash
    }

    [Fact]
    public void Null_matches_a_missing_field_or_json_null_but_not_a_value()
    {
        const string rule = "sel:\n    errorCode: null\ncondition: sel";
        Assert.True(Matches(rule, """{"eventName":"x"}"""));
        Assert.True(Matches(rule, """{"errorCode":null}"""));
        Assert.False(Matches(rule, """{"errorCode":"AccessDenied"}"""));
        Assert.False(Matches(rule, """{"errorCode":""}"""));
        Assert.True(Matches("sel:\n    errorCode:\ncondition: sel", """{"a":1}"""));
    }

    [Fact]
    public void Empty_string_matches_only_an_empty_string()
    {
        const string rule = "sel:\n    errorCode: ''\ncondition: sel";
        Assert.True(Matches(rule, """{"errorCode":""}"""));
        Assert.False(Matches(rule, """{"a":1}"""));
    }

    [Fact]
    public void Json_booleans_and_numbers_compare_with_rule_values_by_text()
    {
        Assert.True(Matches("sel:\n    readOnly: false\ncondition: sel", """{"readOnly":false}"""));
        Assert.True(Matches("sel:\n    readOnly: 'false'\ncondition: sel", """{"readOnly":false}"""));
        Assert.True(Matches("sel:\n    readOnly: false\ncondition: sel", """{"readOnly":"False"}"""));
        Assert.False(Matches("sel:\n    readOnly: false\ncondition: sel", """{"readOnly":true}"""));
        Assert.True(Matches("sel:\n    port: 22\ncondition: sel", """{"port":22}"""));
        Assert.True(Matches("sel:\n    port: 22\ncondition: sel", """{"port":"22"}"""));
        Assert.True(Matches("sel:\n    port: '22'\ncondition: sel", """{"port":22}"""));
        Assert.True(Matches("sel:\n    port: 2*\ncondition: sel", """{"port":22}"""));
        Assert.False(Matches("sel:\n    port: 22\ncondition: sel", """{"port":220}"""));
    }

    [Fact]
    public void A_list_of_values_is_or_and_a_map_is_and()
    {
        const string rule = "sel:\n    eventSource: iam.amazonaws.com\n    eventName:\n        - CreateUser\n        - DeleteUser\ncondition: sel";
        Assert.True(Matches(rule, """{"eventSource":"iam.amazonaws.com","eventName":"DeleteUser"}"""));
        Assert.False(Matches(rule, """{"eventSource":"ec2.amazonaws.com","eventName":"DeleteUser"}"""));
        Assert.False(Matches(rule, """{"eventSource":"iam.amazonaws.com","eventName":"GetUser"}"""));
    }

    [Fact]
    public void A_list_of_maps_is_or_of_ands()
    {
        const string rule = "sel:\n    - eventSource: iam.amazonaws.com\n      eventName: CreateUser\n    - eventName: StopLogging\ncondition: sel";
        Assert.True(Matches(rule, """{"eventSource":"iam.amazonaws.com","eventName":"CreateUser"}"""));
        Assert.True(Matches(rule, """{"eventSource":"cloudtrail.amazonaws.com","eventName":"StopLogging"}"""));
        Assert.False(Matches(rule, """{"eventSource":"ec2.amazonaws.com","eventName":"CreateUser"}"""));
    }

    [Fact]
    public void Keywords_search_every_value_in_the_record()
    {
        const string rule = "keywords:\n    - xmrig\n    - 'pool.*.com'\ncondition: keywords";
        Assert.True(Matches(rule, """{"requestParameters":{"keyName":"my-XMRIG-key"}}"""));
        Assert.True(Matches(rule, """{"a":[{"b":"connect to pool.supportxmr.com now"}]}"""));
        Assert.False(Matches(rule, """{"requestParameters":{"keyName":"deploy"}}"""));
    }

    [Fact]
    public void Keywords_with_all_need_every_keyword()
    {
        const string rule = "keywords:\n    '|all':\n        - curl\n        - bash\ncondition: keywords";
        Assert.True(Matches(rule, """{"userData":"curl x | bash"}"""));
        Assert.False(Matches(rule, """{"userData":"curl x"}"""));
    }
}
