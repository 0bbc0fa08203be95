using System.Text.Json;
using Shodo.Aws.Protocols;

namespace Shodo.Evidence.Snapshot;

/// <summary>
/// Reads a GetEventSelectors answer for S3 data events: whether every bucket is logged
/// (<c>arn:aws:s3</c>, or an advanced selector on AWS::S3::Object without an ARN condition) and
/// which buckets are named.
/// </summary>
public static class DataEventSelectors
{
    public static (bool AllBuckets, IReadOnlyList<string> Buckets) Read(JsonElement answer)
    {
        var all = false;
        var buckets = new List<string>();
        foreach (var selector in answer.Items("EventSelectors"))
            foreach (var resource in selector.Items("DataResources").Where(r => r.Text("Type") == "AWS::S3::Object"))
                foreach (var value in resource.Items("Values").Select(v => v.GetString() ?? ""))
                    Add(value, ref all, buckets);
        foreach (var selector in answer.Items("AdvancedEventSelectors"))
        {
            var fields = selector.Items("FieldSelectors").ToList();
            if (!fields.Any(f => f.Text("Field") == "resources.type" && f.Items("Equals").Any(v => v.GetString() == "AWS::S3::Object"))) continue;
            var arns = fields.Where(f => f.Text("Field") == "resources.ARN").ToList();
            if (arns.Count == 0) all = true;
            foreach (var f in arns)
                foreach (var v in f.Items("StartsWith").Concat(f.Items("Equals")).Select(v => v.GetString() ?? ""))
                    Add(v, ref all, buckets);
        }
        return (all, buckets.Distinct().ToList());
    }

    private static void Add(string arn, ref bool all, List<string> buckets)
    {
        arn = Shodo.Aws.AwsPartition.InCommercial(arn); // arn:aws-cn:s3:::bucket names its bucket the same way
        if (arn is "arn:aws:s3" or "arn:aws:s3:::" ) { all = true; return; }
        if (!arn.StartsWith("arn:aws:s3:::", StringComparison.Ordinal)) return;
        var bucket = arn["arn:aws:s3:::".Length..].Split('/')[0];
        if (bucket.Length > 0) buckets.Add(bucket);
    }
}
