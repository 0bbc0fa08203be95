namespace Shodo.Range;

/// <summary>An access key the range accepts, as a client would configure it.</summary>
public sealed record RangeCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>Never print the secret.</summary>
    public override string ToString() => $"RangeCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
