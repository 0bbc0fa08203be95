namespace Shodo.Range.State.S3;

/// <summary>A bucket's Block Public Access settings. New buckets get all four on, as on AWS since April 2023.</summary>
public sealed record S3PublicAccessBlock(
    bool BlockPublicAcls = true, bool IgnorePublicAcls = true,
    bool BlockPublicPolicy = true, bool RestrictPublicBuckets = true);
