using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Tests.Cases;

/// <summary>The invariant "no secrets at rest", checked the way an auditor would: grep every file in the case.</summary>
public class NoSecretsAtRestTests
{
    [Fact]
    public async Task After_storing_responses_full_of_secrets_no_file_under_the_case_folder_contains_one()
    {
        using var root = new TempFolder();
        string dir;
        using (var c = Case.Open(root.Path, new CaseOptions { Title = $"leak of {Samples.AccessKeyId} secret key: {Samples.IamSecret}" }))
        {
            dir = c.Directory;
            await c.Evidence.StoreAsync(Samples.Utf8(Samples.CreateAccessKeyXml), new EvidenceDescriptor("iam", "CreateAccessKey", null) { ContentType = "text/xml" });
            await c.Evidence.StoreAsync(Samples.Utf8(Samples.AssumeRoleXml), new EvidenceDescriptor("sts", "AssumeRole", "us-east-1"));
            await c.Evidence.StoreAsync(Samples.Utf8(Samples.GetSessionTokenXml), new EvidenceDescriptor("sts", "GetSessionToken", "us-east-1"));
            await c.Evidence.StoreAsync(Samples.Utf8(Samples.AssumeRoleSdkJson), new EvidenceDescriptor("sts", "AssumeRole", "us-east-1") { ContentType = "application/json" });
            await c.Evidence.StoreAsync(Samples.Utf8(Samples.GetSessionTokenStsJson), new EvidenceDescriptor("sts", "GetSessionToken", "us-east-1"));
            await c.Evidence.StoreAsync(Samples.Utf8(Samples.CreateKeyPairXml), new EvidenceDescriptor("ec2", "CreateKeyPair", "ap-northeast-1"));
            await c.Evidence.StoreAsync(Samples.Utf8(Samples.CreateKeyPairSdkJson), new EvidenceDescriptor("ec2", "CreateKeyPair", "ap-northeast-1"));
            await c.Evidence.StoreAsync(Samples.Utf8(Samples.LookupEventsWithAssumeRole), new EvidenceDescriptor("cloudtrail", "LookupEvents", "us-east-1"));
            await c.Evidence.StoreAsync(Samples.Utf8(Samples.CredentialsFile), new EvidenceDescriptor("local", "CredentialsFile", null)
            {
                Parameters = new JsonObject { ["Password"] = Samples.Password, ["aws_session_token"] = Samples.SessionToken },
            });
            await c.Journal.AppendAsync("containment.before", new JsonObject
            {
                ["response"] = Samples.GetSessionTokenXml,
                ["keyPair"] = JsonNode.Parse(Samples.CreateKeyPairSdkJson),
                ["form"] = Samples.CreateLoginProfileForm,
            }, $"csv said {Samples.CredentialsCsv}");
        }

        var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories);
        Assert.True(files.Length >= 10, $"only {files.Length} files");
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            if (file.EndsWith(".gz", StringComparison.Ordinal))
            {
                using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var ms = new MemoryStream();
                gz.CopyTo(ms);
                bytes = ms.ToArray();
            }
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var secret in Samples.AllSecrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{Path.GetRelativePath(dir, file)} contains {secret}");
                var escaped = System.Text.Json.JsonSerializer.Serialize(secret)[1..^1];
                Assert.False(text.Contains(escaped, StringComparison.Ordinal), $"{Path.GetRelativePath(dir, file)} contains {escaped}");
            }
        }
        Assert.Contains(files, f => File.ReadAllText(f).Contains(Samples.AccessKeyId, StringComparison.Ordinal)); // ids are kept
        Assert.True(CaseVerifier.Verify(dir).Intact);
    }
}
