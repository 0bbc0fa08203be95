using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Shodo.Cases;
using Shodo.Diagnostics;

namespace Shodo.Tests.Cases;

public class EvidenceStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 14, 30, 0, TimeSpan.Zero);

    private static Case OpenCase(TempFolder root) => Case.Open(root.Path, new CaseOptions
    {
        CallerArn = "arn:aws:iam::123456789012:user/responder", Time = new FakeTimeProvider(Now),
    });

    private static EvidenceDescriptor ListUsers(int page) => new("iam", "ListUsers", "us-east-1")
    {
        Parameters = new JsonObject { ["MaxItems"] = 100, ["Marker"] = page == 1 ? null : "m1" },
        Page = page,
        ContentType = "text/xml",
    };

    [Fact]
    public async Task Stored_evidence_is_gzip_under_its_sha256_with_an_index_line_and_a_journal_entry()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        var content = Samples.Utf8("<ListUsersResponse><ListUsersResult><Users/></ListUsersResult></ListUsersResponse>");
        var record = await c.Evidence.StoreAsync(content, ListUsers(1));

        Assert.Equal(ContentHash.Sha256(content), record.Sha256);
        var blobPath = Path.Combine(c.Directory, "evidence", record.Sha256[..2], record.Sha256 + ".gz");
        Assert.True(File.Exists(blobPath));
        using (var gz = new GZipStream(File.OpenRead(blobPath), CompressionMode.Decompress))
        using (var ms = new MemoryStream())
        {
            gz.CopyTo(ms);
            Assert.Equal(content, ms.ToArray());
        }
        Assert.Equal(ContentHash.Sha256(File.ReadAllBytes(blobPath)), record.BlobSha256);

        var index = JsonNode.Parse(File.ReadAllLines(Path.Combine(c.Directory, "evidence", "index.jsonl")).Single())!;
        Assert.Equal("iam", (string?)index["service"]);
        Assert.Equal("ListUsers", (string?)index["operation"]);
        Assert.Equal("us-east-1", (string?)index["region"]);
        Assert.Equal(1, (int)index["page"]!);
        Assert.Equal(100, (int)index["parameters"]!["MaxItems"]!);
        Assert.Equal("text/xml", (string?)index["contentType"]);
        Assert.Equal(content.Length, (long)index["size"]!);
        Assert.Equal(record.Sha256, (string?)index["sha256"]);
        Assert.Equal("arn:aws:iam::123456789012:user/responder", (string?)index["callerArn"]);
        Assert.Equal("2026-11-28T14:30:00.000Z", (string?)index["time"]);

        var journalLast = JsonNode.Parse(File.ReadAllLines(Path.Combine(c.Directory, "journal.jsonl")).Last())!;
        Assert.Equal("evidence.stored", (string?)journalLast["kind"]);
        Assert.True(JsonNode.DeepEquals(index, journalLast["data"]));
    }

    [Fact]
    public async Task The_same_bytes_stored_twice_are_one_blob_with_two_index_entries()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        var content = Samples.Utf8("{\"Reservations\":[]}");
        var first = await c.Evidence.StoreAsync(content, new EvidenceDescriptor("ec2", "DescribeInstances", "us-east-1"));
        var second = await c.Evidence.StoreAsync(content, new EvidenceDescriptor("ec2", "DescribeInstances", "eu-west-1"));

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(first.BlobSha256, second.BlobSha256);
        Assert.Single(Directory.GetFiles(Path.Combine(c.Directory, "evidence"), "*.gz", SearchOption.AllDirectories));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(c.Directory, "evidence", "index.jsonl")).Length);
        Assert.True(CaseVerifier.Verify(c.Directory).Intact);
    }

    [Fact]
    public async Task Reading_back_by_hash_returns_the_redacted_bytes()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        var record = await c.Evidence.StoreAsync(Samples.Utf8(Samples.CreateAccessKeyXml), new EvidenceDescriptor("iam", "CreateAccessKey", null));
        var back = await c.Evidence.ReadAsync(record.Sha256);
        Assert.Equal(Samples.CreateAccessKeyXml.Replace(Samples.IamSecret, "[REDACTED]"), System.Text.Encoding.UTF8.GetString(back));
        Assert.Equal(1, record.Redactions);
        Assert.Equal(record.Sha256, ContentHash.Sha256(back));
    }

    [Fact]
    public async Task Reading_back_an_altered_blob_is_refused_as_tampering()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        var record = await c.Evidence.StoreAsync(Samples.Utf8("{\"Users\":[]}"), new EvidenceDescriptor("iam", "ListUsers", null));
        var path = Path.Combine(c.Directory, record.Path);
        File.WriteAllBytes(path, EvidenceBlobFor("{\"Users\":[\"x\"]}"));
        var e = await Assert.ThrowsAsync<ShodoException>(() => c.Evidence.ReadAsync(record.Sha256));
        Assert.Equal(ExitCode.CaseTampered, e.Diagnostic.Code);
        Assert.Contains(record.Path, e.Message);
    }

    [Fact]
    public async Task Parameters_are_redacted_too()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        var record = await c.Evidence.StoreAsync(Samples.Utf8("<ok/>"), new EvidenceDescriptor("iam", "CreateLoginProfile", null)
        {
            Parameters = new JsonObject { ["UserName"] = "backdoor", ["Password"] = Samples.Password },
        });
        Assert.Equal("[REDACTED]", (string?)record.Parameters!["Password"]);
        Assert.DoesNotContain(Samples.Password, File.ReadAllText(Path.Combine(c.Directory, "evidence", "index.jsonl")));
    }

    [Fact]
    public async Task Gzip_content_such_as_a_cloudtrail_log_file_is_decoded_so_its_secrets_are_redacted()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        var logFile = EvidenceBlobFor("{\"Records\":[" + Samples.LookupEventsWithAssumeRole + "]}");
        var record = await c.Evidence.StoreAsync(logFile, new EvidenceDescriptor("s3", "GetObject", "us-east-1") { ContentType = "application/x-gzip" });

        Assert.Equal("gzip", record.ContentEncoding);
        Assert.True(record.Redactions >= 1);
        var stored = System.Text.Encoding.UTF8.GetString(await c.Evidence.ReadAsync(record.Sha256));
        Assert.DoesNotContain(Samples.SessionToken, stored);
        Assert.Contains("AssumeRole", stored);
        Assert.Equal("gzip", (string?)JsonNode.Parse(File.ReadAllLines(Path.Combine(c.Directory, "evidence", "index.jsonl")).Single())!["contentEncoding"]);
        Assert.True(CaseVerifier.Verify(c.Directory).Intact);
    }

    private static byte[] EvidenceBlobFor(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(Samples.Utf8(text));
        return ms.ToArray();
    }
}
