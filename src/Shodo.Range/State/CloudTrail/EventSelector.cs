namespace Shodo.Range.State.CloudTrail;

/// <summary>
/// A classic event selector of a trail: which management events (by read/write type) and which S3
/// data events (DataResources of type AWS::S3::Object with values like <c>arn:aws:s3:::bucket/</c>).
/// </summary>
public sealed record EventSelector(
    string ReadWriteType = "All",
    bool IncludeManagementEvents = true,
    IReadOnlyList<DataResource>? DataResources = null)
{
    public IReadOnlyList<DataResource> Resources => DataResources ?? [];

    public bool MatchesReadWrite(bool readOnly) => ReadWriteType switch
    {
        "ReadOnly" => readOnly,
        "WriteOnly" => !readOnly,
        _ => true,
    };
}

/// <summary>One DataResources entry: a type (AWS::S3::Object) and ARN prefixes.</summary>
public sealed record DataResource(string Type, IReadOnlyList<string> Values)
{
    public const string S3Object = "AWS::S3::Object";

    /// <summary>
    /// Whether an S3 data event on <paramref name="bucket"/> (and <paramref name="key"/>, null for
    /// bucket-level listings) is selected. <c>arn:aws:s3</c> alone selects every bucket.
    /// </summary>
    public bool SelectsS3(string bucket, string? key)
    {
        if (Type != S3Object) return false;
        foreach (var given in Values)
        {
            // The selector names the partition (arn:aws-cn:s3:::...); the bucket is the same either way.
            var value = given.IndexOf(":s3", StringComparison.Ordinal) is > 4 and var at ? "arn:aws" + given[at..] : given;
            if (value is "arn:aws:s3" or "arn:aws:s3:::") return true;
            var prefix = "arn:aws:s3:::" + bucket + "/";
            if (key is null ? value.StartsWith(prefix, StringComparison.Ordinal)
                            : (prefix + key).StartsWith(value, StringComparison.Ordinal) && value.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
