using Shodo.Range.Serving;
using Shodo.Range.State.S3;

namespace Shodo.Range.Services.S3;

/// <summary>
/// PutObject (PUT /bucket/key): stores the body, decoding aws-chunked uploads (signed or unsigned,
/// with checksum trailers) and keeping x-amz-meta-* metadata. Echoes any checksum sent.
/// </summary>
internal sealed class PutObject() : S3Action("PUT", S3Level.Object)
{
    public override string Name => "PutObject";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var request = call.Request;
        if (request.Headers.ContainsKey("x-amz-copy-source"))
            throw new AwsError("NotImplemented", "CopyObject is not implemented by this range.", 501);
        var bucket = S3Errors.Bucket(call.State, target.Bucket);

        var body = request.Body;
        var checksums = request.Headers
            .Where(h => h.Key.StartsWith("x-amz-checksum-", StringComparison.OrdinalIgnoreCase)
                        && !h.Key.Equals("x-amz-checksum-algorithm", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        // The dispatcher may already have decoded the body; decode only what still has its chunk framing.
        var decodedLength = request.Headers["x-amz-decoded-content-length"].ToString();
        var alreadyDecoded = long.TryParse(decodedLength, out var length) && length == body.LongLength;
        if (!alreadyDecoded && AwsChunkedBody.IsChunked(request.Headers["x-amz-content-sha256"], request.Headers.ContentEncoding))
        {
            try
            {
                var (data, trailers) = AwsChunkedBody.Decode(body);
                body = data;
                foreach (var (name, value) in trailers.Where(t => t.Key.StartsWith("x-amz-checksum-", StringComparison.OrdinalIgnoreCase)))
                    checksums[name.ToLowerInvariant()] = value;
            }
            catch (FormatException)
            {
                throw new AwsError("IncompleteBody", "The request body terminated unexpectedly");
            }
        }

        var contentType = request.Headers.ContentType.ToString();
        var metadata = request.Headers
            .Where(h => h.Key.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key["x-amz-meta-".Length..].ToLowerInvariant(), h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var obj = new S3Object(target.Key, body, contentType.Length > 0 ? contentType : "binary/octet-stream", call.Now)
        {
            Metadata = metadata,
        };
        bucket.Objects[target.Key] = obj;

        var headers = new Dictionary<string, string>(checksums) { ["ETag"] = obj.ETag, ["x-amz-server-side-encryption"] = "AES256" };
        return S3Xml.Empty(200, headers);
    }
}
