using System.Text;
using System.Text.Json;
using Shodo.Cases;

namespace Shodo.Tests.Cases;

public class CanonicalJsonTests
{
    private static string Canon(string json) => Encoding.UTF8.GetString(CanonicalJson.Encode(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Members_are_sorted_by_utf16_code_units_and_whitespace_is_removed()
    {
        Assert.Equal("""{"a":[1,{"x":null,"y":true}],"b":"c","\u20ac":1,"😀":2}""".Replace("\\u20ac", "€"),
            Canon("""{ "😀": 2, "€": 1, "b" : "c", "a": [ 1, { "y": true, "x": null } ] }"""));
    }

    [Theory]
    [InlineData("1e21", "1e+21")]
    [InlineData("333333333.33333329", "333333333.3333333")]
    [InlineData("1E30", "1e+30")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("0.000000000000000000000000001", "1e-27")]
    [InlineData("-0", "0")]
    [InlineData("100", "100")]
    [InlineData("1.0", "1")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("123456789012345680000", "123456789012345680000")]
    [InlineData("-1.5e-10", "-1.5e-10")]
    public void Numbers_are_written_as_ecmascript_does(string input, string expected) =>
        Assert.Equal(expected, Canon(input));

    [Fact]
    public void Strings_escape_only_what_rfc8785_escapes() =>
        Assert.Equal("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f/<>é\u2028\"", Canon("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001F\\/\\u003c>\\u00e9\\u2028\""));

    [Fact]
    public void A_lone_surrogate_is_escaped_rather_than_lost() =>
        Assert.Equal("\"a\\ud800b\"", Canon("\"a\\uD800b\""));

    [Fact]
    public void Duplicate_member_names_are_rejected() =>
        Assert.Throws<JsonException>(() => Canon("""{"a":1,"a":2}"""));

    [Fact]
    public void Encoding_is_idempotent()
    {
        var once = Canon("""{"z":[1.5e3,"ü"],"a":{"c":1,"b":2}}""");
        Assert.Equal(once, Canon(once));
    }
}
