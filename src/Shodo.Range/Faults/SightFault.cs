using Shodo.Range.Serving;
using Shodo.Range.State;

namespace Shodo.Range.Faults;

/// <summary>What a responder reads to see what happened: CloudTrail's event history, or a trail's log files.</summary>
public enum SightSource { LookupEvents, TrailLogs }

/// <summary>How a source fails: denied (an SCP or permission boundary) or AWS failing on its side (500).</summary>
public enum SightFailure { AccessDenied, ServerError }

/// <summary>
/// A source of sight that fails for every call over HTTP (the responder's; scenario playback and the live
/// adversary are not affected), in every region or only in <see cref="Regions"/>. Unlike the error rate it
/// is persistent, as a denial or an outage is: every LookupEvents in the region, or every GetObject of a
/// trail log file delivered for the region (<c>AWSLogs/ACCOUNT/CloudTrail/REGION/...</c>).
/// </summary>
public sealed record SightFault(SightSource Source, SightFailure Failure, IReadOnlyList<string>? Regions = null)
{
    private const string LogPath = "/CloudTrail/";

    /// <summary>The error the call gets, or null when this fault does not cover it.</summary>
    public AwsError? ErrorFor(string service, AwsOperation operation, string region, Caller caller)
    {
        var covered = Source switch
        {
            SightSource.LookupEvents => service == "cloudtrail" && operation.Name == "LookupEvents" && InRegion(region),
            SightSource.TrailLogs => service == "s3" && operation.Name == "GetObject" && LogRegion(operation.Resource) is { } r && InRegion(r),
            _ => false,
        };
        if (!covered) return null;
        return Failure == SightFailure.ServerError
            ? ProtocolErrors.Internal()
            : ProtocolErrors.Denied($"User: {caller.Arn} is not authorized to perform: {operation.IamAction} on resource: " +
                                    $"{operation.Resource} with an explicit deny in a service control policy");
    }

    private bool InRegion(string region) => Regions is null || Regions.Contains(region, StringComparer.Ordinal);

    /// <summary>The region of a trail log file's key (<c>arn:aws:s3:::bucket/[prefix/]AWSLogs/ACCOUNT/CloudTrail/REGION/...</c>).</summary>
    private static string? LogRegion(string resource)
    {
        var at = resource.IndexOf(LogPath, StringComparison.Ordinal);
        if (at < 0 || !resource.Contains("AWSLogs/", StringComparison.Ordinal)) return null;
        var rest = resource[(at + LogPath.Length)..];
        var slash = rest.IndexOf('/');
        return slash > 0 ? rest[..slash] : null;
    }

    /// <summary>Parses <c>access-denied</c> or <c>server-error</c> (the command line's and the admin endpoint's spelling).</summary>
    public static SightFailure ParseFailure(string text) => text.Trim().ToLowerInvariant() switch
    {
        "access-denied" or "accessdenied" or "denied" => SightFailure.AccessDenied,
        "server-error" or "servererror" or "500" => SightFailure.ServerError,
        _ => throw new FormatException($"'{text}' is not a failure: use access-denied or server-error."),
    };

    public static string Spell(SightFailure failure) => failure == SightFailure.AccessDenied ? "access-denied" : "server-error";
}
