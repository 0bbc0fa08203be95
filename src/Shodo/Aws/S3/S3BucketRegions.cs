using System.Collections.Concurrent;
using Amazon.S3.Model;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;

namespace Shodo.Aws.S3;

/// <summary>
/// The region of each bucket, learned once per bucket with GetBucketLocation (answered for any bucket in any region)
/// and kept for the connection's life. S3 serves a bucket only in its own region: a request signed for another region
/// is answered 301 PermanentRedirect (path-style) or 400 AuthorizationHeaderMalformed (virtual-hosted), so every read of
/// a bucket that may be elsewhere (a trail's log bucket, an s3:// location the responder names) goes through
/// <c>aws.S3(region)</c> with the region from here.
/// </summary>
public sealed class S3BucketRegions(AwsConnection aws)
{
    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);

    /// <summary>GetBucketLocation's LocationConstraint as a region: empty is us-east-1, "EU" the old name of eu-west-1.</summary>
    public static string FromLocationConstraint(string? constraint) => constraint switch
    {
        null or "" => "us-east-1",
        "EU" => "eu-west-1",
        var region => region,
    };

    /// <summary>Records a region already learned (collection's GetBucketLocation answer), so it is not asked again.</summary>
    public void Know(string bucket, string region) => _known.TryAdd(bucket, region);

    /// <summary>
    /// The bucket's region: known, else asked (GetBucketLocation through the home region's client). Null when it cannot be
    /// learned (refused, as a bucket of another account may refuse it, or failing after every retry): the caller falls back
    /// to what it knows (the trail's home region) and a read that then fails is a gap like any other. A failure is not kept,
    /// so a later read asks again.
    /// </summary>
    public async Task<string?> RegionOfAsync(string bucket, CancellationToken ct)
    {
        if (_known.TryGetValue(bucket, out var known)) return known;
        try
        {
            var answer = await aws.S3().GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket }, ct);
            return _known.GetOrAdd(bucket, FromLocationConstraint(answer.Location?.Value));
        }
        catch (AwsServiceError)
        {
            return null;
        }
    }
}
