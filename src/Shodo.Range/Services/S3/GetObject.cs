using System.Globalization;
using System.Text.RegularExpressions;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>GetObject (GET /bucket/key): the object's bytes, or one byte range of them (206).</summary>
internal sealed partial class GetObject() : S3Action("GET", S3Level.Object)
{
    public override string Name => "GetObject";

    [GeneratedRegex(@"^bytes=(\d*)-(\d*)$")]
    private static partial Regex ByteRange();

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        call.State.DeliverTrailLogs(target.Bucket);
        var obj = S3Errors.Object(S3Errors.Bucket(call.State, target.Bucket), target.Key);
        var headers = ObjectHeaders.Of(obj);
        var range = call.Request.Headers.Range.ToString();
        if (ByteRange().Match(range) is not { Success: true } m || obj.Size == 0)
            return new RawResult(200, obj.Body, obj.ContentType, headers);

        long start, end;
        if (m.Groups[1].Value.Length == 0)
        {
            var suffix = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            start = Math.Max(0, obj.Size - suffix);
            end = obj.Size - 1;
        }
        else
        {
            start = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            end = m.Groups[2].Value.Length == 0 ? obj.Size - 1
                : Math.Min(obj.Size - 1, long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }
        if (start >= obj.Size || start > end)
            throw new AwsError("InvalidRange", "The requested range is not satisfiable", 416);
        headers["Content-Range"] = $"bytes {start}-{end}/{obj.Size}";
        return new RawResult(206, obj.Body[(int)start..(int)(end + 1)], obj.ContentType, headers);
    }
}
