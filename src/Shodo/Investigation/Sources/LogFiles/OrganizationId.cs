using Shodo.Aws.Connection;
using Shodo.Aws.Organizations;
using Shodo.Aws.Organizations.Calls;
using Shodo.Aws.Resilience;

namespace Shodo.Investigation.Sources.LogFiles;

/// <summary>
/// The id (o-...) of the organisation the case's account belongs to, asked once (DescribeOrganization, which any account
/// of the organisation may call): where an organisation trail writes this account's log files
/// (<c>AWSLogs/o-ID/ACCOUNT/CloudTrail/...</c>). Null when it cannot be read: the account's own folder is read as before.
/// </summary>
public sealed class OrganizationId(AwsConnection aws, TimeProvider time)
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _asked;
    private string? _id;

    public async Task<string?> IdAsync(CancellationToken ct)
    {
        await _once.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_asked) return _id;
            var (organization, _) = await TransientRetry.TryAsync(
                () => aws.Json(OrganizationsOperations.Service).SendAsync(new DescribeOrganization(), ct), time, ct).ConfigureAwait(false);
            _id = organization?.Id is { Length: > 0 } id ? id : null;
            _asked = true;
            return _id;
        }
        finally { _once.Release(); }
    }
}
