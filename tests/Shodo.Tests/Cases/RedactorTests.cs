using System.Text;
using System.Text.Json.Nodes;
using Shodo.Cases.Redaction;

namespace Shodo.Tests.Cases;

public class RedactorTests
{
    private static string Redact(string text) => Encoding.UTF8.GetString(Redactor.Default.Redact(Encoding.UTF8.GetBytes(text)).Value);

    [Fact]
    public void Sample_secrets_look_like_the_real_thing()
    {
        Assert.Equal(40, Samples.IamSecret.Length);
        Assert.Equal(40, Samples.StsSecret.Length);
        Assert.Equal(20, Samples.AccessKeyId.Length);
    }

    [Fact]
    public void Iam_CreateAccessKey_xml_loses_the_secret_and_keeps_everything_else_byte_for_byte()
    {
        var original = Samples.CreateAccessKeyXml;
        var result = Redactor.Default.Redact(Encoding.UTF8.GetBytes(original));
        var redacted = Encoding.UTF8.GetString(result.Value);
        Assert.Equal(original.Replace(Samples.IamSecret, Redactor.Marker), redacted);
        Assert.Equal(1, result.Count);
        Assert.Contains(Samples.AccessKeyId, redacted);
    }

    [Theory]
    [InlineData("AssumeRoleXml")]
    [InlineData("GetSessionTokenXml")]
    [InlineData("AssumeRoleSdkJson")]
    [InlineData("GetSessionTokenStsJson")]
    public void Sts_credentials_lose_secret_key_and_session_token_but_keep_the_access_key_id(string sample)
    {
        var text = (string)typeof(Samples).GetProperty(sample)!.GetValue(null)!;
        var redacted = Redact(text);
        Assert.DoesNotContain(Samples.StsSecret, redacted);
        Assert.DoesNotContain(Samples.SessionToken, redacted);
        Assert.DoesNotContain("sessionTOKEN", redacted);
        Assert.Contains(Samples.TempAccessKeyId, redacted);
    }

    [Fact]
    public void Sts_sdk_json_stays_valid_json_with_markers_in_place_of_the_secrets()
    {
        var redacted = JsonNode.Parse(Redact(Samples.AssumeRoleSdkJson))!;
        Assert.Equal(Redactor.Marker, (string?)redacted["Credentials"]!["SecretAccessKey"]);
        Assert.Equal(Redactor.Marker, (string?)redacted["Credentials"]!["SessionToken"]);
        Assert.Equal(Samples.TempAccessKeyId, (string?)redacted["Credentials"]!["AccessKeyId"]);
        Assert.Equal("2026-11-28T15:01:02+00:00", (string?)redacted["Credentials"]!["Expiration"]);
    }

    [Fact]
    public void Ec2_CreateKeyPair_xml_loses_the_private_key_and_keeps_name_fingerprint_and_id()
    {
        var redacted = Redact(Samples.CreateKeyPairXml);
        Assert.DoesNotContain("HungerSecretPrivateKeyMaterial", redacted);
        Assert.DoesNotContain("MIIEoQIBAAKCAQBuLFg5", redacted);
        Assert.Contains("<keyMaterial>[REDACTED]</keyMaterial>", redacted);
        Assert.Contains("<keyName>miner-key</keyName>", redacted);
        Assert.Contains("1f:51:ae:28:bf:89", redacted);
        Assert.Contains("key-0123456789abcdef0", redacted);
    }

    [Fact]
    public void Ec2_CreateKeyPair_sdk_json_loses_the_private_key()
    {
        var redacted = JsonNode.Parse(Redact(Samples.CreateKeyPairSdkJson))!;
        Assert.Equal(Redactor.Marker, (string?)redacted["KeyMaterial"]);
        Assert.Equal("miner-key", (string?)redacted["KeyName"]);
    }

    [Fact]
    public void Json_inside_a_json_string_is_redacted_too_and_stays_parseable()
    {
        var redacted = Redact(Samples.LookupEventsWithAssumeRole);
        Assert.DoesNotContain(Samples.SessionToken, redacted);
        var inner = JsonNode.Parse((string)JsonNode.Parse(redacted)!["Events"]![0]!["CloudTrailEvent"]!)!;
        Assert.Equal(Redactor.Marker, (string?)inner["responseElements"]!["credentials"]!["sessionToken"]);
        Assert.Equal(Samples.TempAccessKeyId, (string?)inner["responseElements"]!["credentials"]!["accessKeyId"]);
    }

    [Fact]
    public void Credentials_file_lines_are_redacted_and_ids_kept()
    {
        var redacted = Redact(Samples.CredentialsFile);
        Assert.Contains("aws_secret_access_key = [REDACTED]", redacted);
        Assert.Contains("aws_session_token=[REDACTED]", redacted);
        Assert.Contains($"aws_access_key_id = {Samples.AccessKeyId}", redacted);
        Assert.Contains("region = us-east-1", redacted);
    }

    [Fact]
    public void A_forty_character_secret_next_to_an_access_key_id_is_redacted()
    {
        var redacted = Redact(Samples.CredentialsCsv);
        Assert.DoesNotContain(Samples.IamSecret, redacted);
        Assert.Contains(Samples.AccessKeyId + ",[REDACTED]", redacted);
        Assert.DoesNotContain(Samples.IamSecret, Redact($"the key is {Samples.AccessKeyId} / {Samples.IamSecret} (leaked)"));
        Assert.DoesNotContain(Samples.IamSecret, Redact($"Secret access key: {Samples.IamSecret}"));
    }

    [Fact]
    public void Private_key_blocks_in_free_text_are_redacted_keeping_the_begin_and_end_lines()
    {
        var text = $"note\n-----BEGIN OPENSSH PRIVATE KEY-----\n{Samples.PrivateKeyBody}\n-----END OPENSSH PRIVATE KEY-----\nafter";
        var redacted = Redact(text);
        Assert.Equal("note\n-----BEGIN OPENSSH PRIVATE KEY-----[REDACTED]-----END OPENSSH PRIVATE KEY-----\nafter", redacted);
        Assert.DoesNotContain("MIIEoQ", Redact($"-----BEGIN EC PRIVATE KEY-----\n{Samples.PrivateKeyBody}"));
    }

    [Fact]
    public void Passwords_in_query_form_bodies_and_json_are_redacted()
    {
        Assert.Equal("Action=CreateLoginProfile&UserName=backdoor&Password=[REDACTED]&Version=2010-05-08", Redact(Samples.CreateLoginProfileForm));
        var json = Redact($$$"""{"LoginProfile":{"UserName":"backdoor","Password":"{{{Samples.Password}}}","PasswordResetRequired":false}}""");
        Assert.DoesNotContain(Samples.Password, json);
        Assert.Contains("\"PasswordResetRequired\":false", json);
    }

    [Fact]
    public void Json_that_does_not_parse_is_still_redacted_as_text()
    {
        var truncated = $$"""{"Credentials":{"SecretAccessKey":"{{Samples.StsSecret}}","SessionToken":"{{Samples.SessionToken}}",""";
        var redacted = Redact(truncated);
        Assert.DoesNotContain(Samples.StsSecret, redacted);
        Assert.DoesNotContain(Samples.SessionToken, redacted);
    }

    [Fact]
    public void Json_lines_are_redacted_line_by_line()
    {
        var lines = $$"""{"SecretAccessKey":"{{Samples.IamSecret}}"}""" + "\n" + $$"""{"SessionToken":"{{Samples.SessionToken}}"}""" + "\n";
        var result = Redactor.Default.Redact(Encoding.UTF8.GetBytes(lines));
        Assert.Equal(2, result.Count);
        Assert.Equal("{\"SecretAccessKey\":\"[REDACTED]\"}\n{\"SessionToken\":\"[REDACTED]\"}\n", Encoding.UTF8.GetString(result.Value));
    }

    [Fact]
    public void Things_that_are_not_secrets_are_left_alone()
    {
        const string text = """{"PublicKeyMaterial":"ssh-rsa AAAAB3Nza attacker","NextToken":"abc","PasswordLastUsed":"2026-11-28T00:00:00Z","AccessKeyId":"AKIAIOSFODNN7SHODO01","UserName":"Password"}""";
        var result = Redactor.Default.Redact(Encoding.UTF8.GetBytes(text));
        Assert.Equal(0, result.Count);
        Assert.Equal(text, Encoding.UTF8.GetString(result.Value));
    }

    [Fact]
    public void Redacting_twice_changes_nothing_more()
    {
        var once = Redactor.Default.Redact(Encoding.UTF8.GetBytes(Samples.AssumeRoleXml)).Value;
        var twice = Redactor.Default.Redact(once);
        Assert.Equal(0, twice.Count);
        Assert.Equal(once, twice.Value);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_survive_unchanged_around_a_redacted_secret()
    {
        byte[] binary = [0xff, 0xfe, 0x00, 0x80, .. Encoding.ASCII.GetBytes($"Password={Samples.Password}&x"), 0xc3, 0x28];
        var redacted = Redactor.Default.Redact(binary).Value;
        Assert.Equal([0xff, 0xfe, 0x00, 0x80, .. Encoding.ASCII.GetBytes("Password=[REDACTED]&x"), 0xc3, 0x28], redacted);
    }

    [Fact]
    public void Journal_data_nodes_are_redacted_including_nested_objects()
    {
        var data = new JsonObject { ["request"] = new JsonObject { ["NewPassword"] = "x1y2z3", ["OldPassword"] = "a1b2" }, ["user"] = "bob" };
        var result = Redactor.Default.Redact(data);
        Assert.Equal(2, result.Count);
        Assert.Equal("""{"request":{"NewPassword":"[REDACTED]","OldPassword":"[REDACTED]"},"user":"bob"}""", result.Value!.ToJsonString());
    }
}

public class RedactorDepthTests
{
    [Fact]
    public void Json_nested_deeper_than_any_limit_is_still_redacted()
    {
        var json = new string('[', 1500) + $"{{\"Password\":\"{Samples.Password}\"}}" + new string(']', 1500);
        var redacted = System.Text.Encoding.UTF8.GetString(Shodo.Cases.Redaction.Redactor.Default.Redact(System.Text.Encoding.UTF8.GetBytes(json)).Value);
        Assert.DoesNotContain(Samples.Password, redacted);
    }
}

public class CredentialTokenRedactionTests
{
    private static string Redact(string text) =>
        System.Text.Encoding.UTF8.GetString(Shodo.Cases.Redaction.Redactor.Default.Redact(System.Text.Encoding.UTF8.GetBytes(text)).Value);

    [Fact]
    public void Instance_metadata_credentials_lose_secret_and_token()
    {
        var imds = $$"""{"Code":"Success","LastUpdated":"2026-11-28T14:00:00Z","Type":"AWS-HMAC","AccessKeyId":"{{Samples.TempAccessKeyId}}","SecretAccessKey":"{{Samples.StsSecret}}","Token":"{{Samples.SessionToken}}","Expiration":"2026-11-28T20:00:00Z"}""";
        var redacted = Redact(imds);
        Assert.DoesNotContain(Samples.SessionToken, redacted);
        Assert.DoesNotContain(Samples.StsSecret, redacted);
        Assert.Contains(Samples.TempAccessKeyId, redacted);
    }

    [Fact]
    public void Ecr_authorization_tokens_are_redacted_but_paging_tokens_are_kept()
    {
        var ecr = """{"authorizationData":[{"authorizationToken":"QVdTOmV5SndZWGxzYjJGa0lqb2lOWE5=","expiresAt":1764360000,"proxyEndpoint":"https://123456789012.dkr.ecr.us-east-1.amazonaws.com"}],"nextToken":"page2"}""";
        var redacted = Redact(ecr);
        Assert.DoesNotContain("QVdTOmV5Snd", redacted);
        Assert.Contains("\"nextToken\":\"page2\"", redacted);
        const string xml = "<DescribeInstancesResponse><nextToken>page2</nextToken></DescribeInstancesResponse>";
        Assert.Equal(xml, Redact(xml));
    }
}
