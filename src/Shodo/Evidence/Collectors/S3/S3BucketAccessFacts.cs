using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.S3;

/// <summary>
/// Reads each bucket's ACL (GetBucketAcl) and Block Public Access settings (GetPublicAccessBlock) from the stored answers: who
/// else an ACL lets in, and whether S3 ignores public ACLs or restricts public policies. A bucket with no Block Public Access
/// configuration (NoSuchPublicAccessBlockConfiguration) has all four off; one whose answer is missing has no fact (unknown).
/// The account's own settings (S3 Control GetPublicAccessBlock) likewise: none configured is a fact, an unread answer none.
/// And each bucket's default encryption (GetBucketEncryption): its algorithm and SSE-KMS key.
/// </summary>
internal static class S3BucketAccessFacts
{
    public static async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        await answers.ForEachXmlAsync("s3", "GetBucketAcl", a =>
        {
            if (a.Parameter("Bucket") is not { } b || a.Body.Name.LocalName != "AccessControlPolicy") return;
            var grants = a.Body.Element("AccessControlList")?.Elements("Grant").Select(g => g.Element("Grantee") is { } who
                ? new BucketAclGrant(who.Text("ID"), who.Text("URI"), g.Required("Permission")) : null).OfType<BucketAclGrant>().ToList() ?? [];
            s.BucketAcls.Add(new BucketAclFact(b, a.Body.Element("Owner")?.Text("ID"), grants, a.Record.Sha256));
        }, ct).ConfigureAwait(false);
        AccountSnapshot.Dedupe(s.BucketAcls, f => f.Bucket);

        await answers.ForEachXmlAsync("s3", "GetPublicAccessBlock", a =>
        {
            if (a.Parameter("Bucket") is not { } b) return;
            if (a.Body.Name.LocalName == "PublicAccessBlockConfiguration")
                s.BucketPublicAccessBlocks.Add(new BucketPublicAccessBlockFact(b, a.Body.Bool("BlockPublicAcls"), a.Body.Bool("IgnorePublicAcls"),
                    a.Body.Bool("BlockPublicPolicy"), a.Body.Bool("RestrictPublicBuckets"), a.Record.Sha256));
            else if (a.Body.Descendants("Code").FirstOrDefault()?.Value == "NoSuchPublicAccessBlockConfiguration")
                s.BucketPublicAccessBlocks.Add(new BucketPublicAccessBlockFact(b, false, false, false, false, a.Record.Sha256));
        }, ct).ConfigureAwait(false);
        AccountSnapshot.Dedupe(s.BucketPublicAccessBlocks, f => f.Bucket);

        await answers.ForEachXmlAsync("s3control", "GetPublicAccessBlock", a =>
        {
            if (s.AccountPublicAccessBlock is not null) return;
            if (a.Body.Name.LocalName == "PublicAccessBlockConfiguration")
                s.AccountPublicAccessBlock = new AccountPublicAccessBlockFact(true, a.Body.Bool("BlockPublicAcls"), a.Body.Bool("IgnorePublicAcls"),
                    a.Body.Bool("BlockPublicPolicy"), a.Body.Bool("RestrictPublicBuckets"), a.Record.Sha256);
            else if (a.Body.Descendants("Code").FirstOrDefault()?.Value == "NoSuchPublicAccessBlockConfiguration")
                s.AccountPublicAccessBlock = new AccountPublicAccessBlockFact(false, false, false, false, false, a.Record.Sha256);
        }, ct).ConfigureAwait(false);
        await answers.ForEachXmlAsync("s3", "GetBucketEncryption", a =>
        {
            if (a.Parameter("Bucket") is not { } b) return;
            if (a.Body.Name.LocalName == "ServerSideEncryptionConfiguration")
            {
                var rule = a.Body.Descendants("ApplyServerSideEncryptionByDefault").FirstOrDefault();
                s.BucketEncryptions.Add(new BucketEncryptionFact(b, rule?.Text("SSEAlgorithm"),
                    rule?.Text("KMSMasterKeyID") is { Length: > 0 } key ? key : null, a.Record.Sha256));
            }
            else if (a.Body.Descendants("Code").FirstOrDefault()?.Value == "ServerSideEncryptionConfigurationNotFoundError")
                s.BucketEncryptions.Add(new BucketEncryptionFact(b, null, null, a.Record.Sha256));
        }, ct).ConfigureAwait(false);
        AccountSnapshot.Dedupe(s.BucketEncryptions, f => f.Bucket);
    }
}
