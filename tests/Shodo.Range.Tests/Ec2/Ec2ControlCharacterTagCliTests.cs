using System.Xml;
using System.Xml.Linq;
using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Ec2;

/// <summary>
/// EC2 takes any character in a tag value, an attacker's ESC and BEL included. XML 1.0 cannot carry
/// them; AWS answers with character references (<c>&amp;#x1B;</c>), which strict parsers refuse: the
/// AWS CLI fails with "reference to invalid character number" (boto/botocore#3496 shows the same from
/// S3). The range answers the same way, instead of failing the whole region with InternalError.
/// </summary>
public sealed class Ec2ControlCharacterTagCliTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private const string Hostile = "\u001b[31mpwned\u0007\r\n";

    [Fact]
    public async Task A_tag_value_holding_esc_and_bel_is_answered_as_aws_answers_it_with_character_references()
    {
        var cli = fixture.Cli.InRegion("sa-east-1");
        var run = await cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "t3.micro", "--count", "1");
        var id = run.Items("Instances").Single().Str("InstanceId");
        await cli.OkAsync("ec2", "create-tags", "--resources", id, "--tags",
            System.Text.Json.JsonSerializer.Serialize(new[] { new { Key = "Note", Value = Hostile } }));

        var described = await cli.RunAsync("ec2", "describe-instances", "--instance-ids", id);
        using var http = new SignedHttp(fixture.Range.Url, fixture.Range.Responder);
        using var answer = await http.PostAsync("ec2", "sa-east-1", $"Action=DescribeInstances&Version=2016-11-15&InstanceId.1={id}");
        var body = await answer.Content.ReadAsStringAsync();

        // The real CLI refuses the answer as it refuses AWS's: a parse error, not a server error.
        Assert.NotEqual(0, described.ExitCode);
        Assert.DoesNotContain("InternalError", described.Stderr);
        Assert.Contains("reference to invalid character number", described.Stderr);
        Assert.Contains("&#x1B;[31mpwned&#x7;&#xD;", described.Stderr);
        // On the wire: 200, well-formed but for the references, and the value intact when read leniently.
        Assert.Equal(200, (int)answer.StatusCode);
        Assert.Contains("<value>&#x1B;[31mpwned&#x7;&#xD;\n</value>", body);
        using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { CheckCharacters = false });
        var value = XElement.Load(reader).Descendants().Single(e => e.Name.LocalName == "value").Value;
        Assert.Equal(Hostile, value);
    }
}
