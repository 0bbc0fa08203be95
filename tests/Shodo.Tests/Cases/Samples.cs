using System.Text;

namespace Shodo.Tests.Cases;

/// <summary>
/// AWS responses and texts that carry secrets, shaped as the AWS API references and botocore models
/// show them. Every secret is distinct so a test can grep for it.
/// </summary>
public static class Samples
{
    public const string AccessKeyId = "AKIAIOSFODNN7SHODO01";
    public const string TempAccessKeyId = "ASIAIOSFODNN7SHODO02";
    public const string IamSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYIAMSECRET1";
    public const string StsSecret = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbSTSECRET02";
    public const string SessionToken = "IQoJb3JpZ2luX2VjEPT//////////wEaCXVzLWVhc3QtMSJHMEUCIQDsessionTOKENshodo0001+AbCdEfGh==";
    public const string PrivateKeyBody = "MIIEoQIBAAKCAQBuLFg5ujHrtm1jnutSuoO8Xe56LlT+HM8v/xkaa39EstM3/aFxTHgElQiJLChp\nHungerSecretPrivateKeyMaterialShodoLine2SHODOKEYMATERIALzz";
    public const string Password = "Hunter2-Shodo-Pa55word!";

    public static string CreateAccessKeyXml => $"""
        <CreateAccessKeyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <CreateAccessKeyResult>
            <AccessKey>
              <UserName>backdoor</UserName>
              <AccessKeyId>{AccessKeyId}</AccessKeyId>
              <Status>Active</Status>
              <SecretAccessKey>{IamSecret}</SecretAccessKey>
              <CreateDate>2026-11-28T14:01:02Z</CreateDate>
            </AccessKey>
          </CreateAccessKeyResult>
          <ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata>
        </CreateAccessKeyResponse>
        """;

    public static string AssumeRoleXml => $"""
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <AssumedRoleUser>
              <Arn>arn:aws:sts::123456789012:assumed-role/demo/attacker</Arn>
              <AssumedRoleId>AROA3XFRBF535PLBIFPI4:attacker</AssumedRoleId>
            </AssumedRoleUser>
            <Credentials>
              <AccessKeyId>{TempAccessKeyId}</AccessKeyId>
              <SecretAccessKey>{StsSecret}</SecretAccessKey>
              <SessionToken>{SessionToken}</SessionToken>
              <Expiration>2026-11-28T15:01:02Z</Expiration>
            </Credentials>
            <PackedPolicySize>6</PackedPolicySize>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """;

    public static string GetSessionTokenXml => $"""
        <GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetSessionTokenResult>
            <Credentials>
              <SessionToken>{SessionToken}</SessionToken>
              <SecretAccessKey>{StsSecret}</SecretAccessKey>
              <Expiration>2026-11-29T02:01:02Z</Expiration>
              <AccessKeyId>{TempAccessKeyId}</AccessKeyId>
            </Credentials>
          </GetSessionTokenResult>
          <ResponseMetadata><RequestId>58c5dbae-abef-11e0-8cfe-09039844ac7d</RequestId></ResponseMetadata>
        </GetSessionTokenResponse>
        """;

    /// <summary>As the AWS SDK and <c>aws sts assume-role</c> print it.</summary>
    public static string AssumeRoleSdkJson => $$"""
        {
            "Credentials": {
                "AccessKeyId": "{{TempAccessKeyId}}",
                "SecretAccessKey": "{{StsSecret}}",
                "SessionToken": "{{SessionToken}}",
                "Expiration": "2026-11-28T15:01:02+00:00"
            },
            "AssumedRoleUser": {
                "AssumedRoleId": "AROA3XFRBF535PLBIFPI4:attacker",
                "Arn": "arn:aws:sts::123456789012:assumed-role/demo/attacker"
            }
        }
        """;

    /// <summary>STS's JSON response form (Accept: application/json), nested as the Query result.</summary>
    public static string GetSessionTokenStsJson =>
        $$$$"""{"GetSessionTokenResponse":{"GetSessionTokenResult":{"Credentials":{"AccessKeyId":"{{{{TempAccessKeyId}}}}","Expiration":1.7647884E9,"SecretAccessKey":"{{{{StsSecret}}}}","SessionToken":"{{{{SessionToken}}}}"}},"ResponseMetadata":{"RequestId":"58c5dbae"}}}""";

    public static string CreateKeyPairXml => $"""
        <CreateKeyPairResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
            <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
            <keyName>miner-key</keyName>
            <keyFingerprint>1f:51:ae:28:bf:89:e9:d8:1f:25:5d:37:2d:7d:b8:ca:9f:f5:f1:6f</keyFingerprint>
            <keyMaterial>-----BEGIN RSA PRIVATE KEY-----
        {PrivateKeyBody}
        -----END RSA PRIVATE KEY-----</keyMaterial>
            <keyPairId>key-0123456789abcdef0</keyPairId>
        </CreateKeyPairResponse>
        """;

    public static string CreateKeyPairSdkJson =>
        "{\"KeyFingerprint\":\"1f:51:ae:28\",\"KeyMaterial\":\"-----BEGIN RSA PRIVATE KEY-----\\n" +
        PrivateKeyBody.Replace("\n", "\\n") + "\\n-----END RSA PRIVATE KEY-----\",\"KeyName\":\"miner-key\",\"KeyPairId\":\"key-0123456789abcdef0\"}";

    /// <summary>A CloudTrail LookupEvents page: the event is JSON inside a JSON string.</summary>
    public static string LookupEventsWithAssumeRole
    {
        get
        {
            var inner = $$$$"""{"eventVersion":"1.08","eventName":"AssumeRole","eventSource":"sts.amazonaws.com","responseElements":{"credentials":{"accessKeyId":"{{{{TempAccessKeyId}}}}","sessionToken":"{{{{SessionToken}}}}","expiration":"Nov 28, 2026, 3:01:02 PM"}}}""";
            return "{\"Events\":[{\"EventId\":\"e1\",\"EventName\":\"AssumeRole\",\"CloudTrailEvent\":" +
                   System.Text.Json.JsonSerializer.Serialize(inner) + "}]}";
        }
    }

    public static string CredentialsFile => $"""
        [default]
        aws_access_key_id = {AccessKeyId}
        aws_secret_access_key = {IamSecret}
        aws_session_token={SessionToken}
        region = us-east-1
        """;

    public static string CredentialsCsv => $"Access key ID,Secret access key\r\n{AccessKeyId},{IamSecret}\r\n";

    public static string CreateLoginProfileForm => $"Action=CreateLoginProfile&UserName=backdoor&Password={Password}&Version=2010-05-08";

    public static string[] AllSecrets => [IamSecret, StsSecret, SessionToken, Password, "HungerSecretPrivateKeyMaterial", "MIIEoQIBAAKCAQBuLFg5"];

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
