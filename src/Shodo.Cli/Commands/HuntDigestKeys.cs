using Shodo.Aws.CloudTrail.Model;
using Shodo.Aws.Connection;
using Shodo.Diagnostics;
using Shodo.Trail.Digests;

namespace Shodo.Cli.Commands;

/// <summary>
/// The CloudTrail public keys for <c>shodo hunt</c>'s digest check: ListPublicKeys with the hunt's connection (an S3
/// archive), or, for a local archive, with a connection opened only when the archive holds digests. Without
/// credentials the hunt goes on and says the signatures could not be checked, and why.
/// </summary>
internal sealed class HuntDigestKeys(CommandContext ctx, AwsConnection? aws) : ITrailDigestKeys, IDisposable
{
    private AwsConnection? _opened;

    public async Task<(IReadOnlyList<TrailDigestKey> Keys, string? Problem)> KeysAsync(IReadOnlyCollection<string> regions,
        DateTimeOffset? from, CancellationToken ct)
    {
        var connection = aws ?? _opened;
        if (connection is null)
        {
            try
            {
                connection = _opened = await AwsConnection.OpenAsync(WhoamiCommand.ConnectionOptions(ctx), ct);
            }
            catch (ShodoException e)
            {
                return ([], $"no AWS connection could be opened to fetch CloudTrail's public keys ({e.Diagnostic.Summary})");
            }
        }
        return await new CloudTrailPublicKeys(connection, ctx.Time).KeysAsync(regions, from, ct);
    }

    public void Dispose() => _opened?.Dispose();
}
