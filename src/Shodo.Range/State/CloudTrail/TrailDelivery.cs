using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State.CloudTrail;

/// <summary>
/// Delivers a trail's records to its S3 bucket as AWS does: one gzip JSON file
/// <c>{"Records":[...]}</c> per region and five-minute window, under
/// <c>[prefix/]AWSLogs/&lt;account&gt;/CloudTrail/&lt;region&gt;/YYYY/MM/DD/&lt;account&gt;_CloudTrail_&lt;region&gt;_&lt;YYYYMMDDTHHmmZ&gt;_&lt;16 alnum&gt;.json.gz</c>
/// (an organisation trail: <c>[prefix/]AWSLogs/&lt;o-ID&gt;/&lt;account&gt;/CloudTrail/...</c> for each account of the organisation).
/// Only calls made while the trail was logging, in its regions, and chosen by its event selectors
/// (management events by read/write type, S3 data events by bucket) are delivered.
/// </summary>
public static class TrailDelivery
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private static readonly string[] GlobalServices = ["iam", "sts"];
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Delivers the calls the trail has not looked at yet; returns the object keys written.</summary>
    public static IReadOnlyList<string> Deliver(RangeState state, Trail trail) => Deliver(state, trail, state, null);

    /// <summary>
    /// Delivers the calls of <paramref name="account"/> the trail has not looked at yet to the bucket of
    /// <paramref name="owner"/> (the trail's account): for an organisation trail (<paramref name="organizationId"/> given)
    /// every account of the organisation, each under <c>AWSLogs/o-ID/ACCOUNT/</c>. Returns the object keys written.
    /// </summary>
    public static IReadOnlyList<string> Deliver(RangeState owner, Trail trail, RangeState account, string? organizationId)
    {
        var now = owner.Clock.Now;
        trail.LatestDeliveryAttemptTime = now;
        var own = account == owner;
        var looked = own ? trail.DeliveredCallCount : trail.MemberDeliveredCallCounts.GetValueOrDefault(account.AccountId);
        void Looked(int more)
        {
            if (own) trail.DeliveredCallCount += more;
            else trail.MemberDeliveredCallCounts[account.AccountId] = looked + more;
        }
        // Only calls whose delivery delay has passed, in call order (the count below is a prefix of the calls).
        var due = account.Calls.Skip(looked).TakeWhile(c => account.Delivered(c, now)).ToList();
        var pending = due.Where(c => Selects(trail, c)).ToList();
        if (pending.Count == 0)
        {
            Looked(due.Count);
            return [];
        }
        if (!owner.Buckets.ContainsKey(trail.S3BucketName))
        {
            trail.LatestDeliveryError = "NoSuchBucket";
            return [];
        }

        var keys = new List<string>();
        foreach (var file in pending.GroupBy(c => (c.Region, WindowStart(c.Time))).OrderBy(g => g.Key.Item2))
        {
            var fileTime = file.Key.Item2 + Window < now ? file.Key.Item2 + Window : now;
            var key = ObjectKey(trail, account.AccountId, file.Key.Region, fileTime, organizationId);
            var records = new JsonArray(file.OrderBy(c => c.Time)
                .Select(c => (JsonNode)CloudTrailRecord.From(c, account.AccountId)).ToArray());
            owner.PutObject(trail.S3BucketName, key, Gzip(new JsonObject { ["Records"] = records }),
                "application/json", fileTime);
            keys.Add(key);
        }
        Looked(due.Count);
        trail.LatestDeliveryTime = now;
        trail.LatestDeliveryError = null;
        return keys;
    }

    public static bool Selects(Trail trail, CallRecord call)
    {
        if (!trail.Logged(call)) return false;
        var isGlobal = GlobalServices.Contains(call.Service);
        if (isGlobal && !trail.IncludeGlobalServiceEvents) return false;
        if (!trail.IsMultiRegion && call.Region != trail.HomeRegion) return false;

        if (call.EventCategory != "Data")
            return trail.EventSelectors.Any(s => s.IncludeManagementEvents && s.MatchesReadWrite(call.ReadOnly));

        if (call.Service != "s3" || call.RequestParameters?["bucketName"] is not JsonValue b
            || !b.TryGetValue<string>(out var bucket))
            return false;
        var key = call.RequestParameters["key"] is JsonValue k && k.TryGetValue<string>(out var s) ? s : null;
        return trail.EventSelectors.Any(sel => sel.MatchesReadWrite(call.ReadOnly)
                                               && sel.Resources.Any(r => r.SelectsS3(bucket, key)));
    }

    public static string ObjectKey(Trail trail, string accountId, string region, DateTimeOffset time, string? organizationId = null)
    {
        var t = time.UtcDateTime;
        var prefix = AccountPrefix(trail, accountId, organizationId);
        var stamp = t.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
        var id = RandomNumberGenerator.GetString(Alphanumerics, 16);
        return $"{prefix}CloudTrail/{region}/{t:yyyy}/{t:MM}/{t:dd}/" +
               $"{accountId}_CloudTrail_{region}_{stamp}_{id}.json.gz";
    }

    /// <summary><c>[prefix/]AWSLogs/ACCOUNT/</c>, or for an organisation trail <c>[prefix/]AWSLogs/o-ID/ACCOUNT/</c>.</summary>
    public static string AccountPrefix(Trail trail, string accountId, string? organizationId)
    {
        var prefix = string.IsNullOrEmpty(trail.S3KeyPrefix) ? "" : trail.S3KeyPrefix.TrimEnd('/') + "/";
        return organizationId is null ? $"{prefix}AWSLogs/{accountId}/" : $"{prefix}AWSLogs/{organizationId}/{accountId}/";
    }

    private static DateTimeOffset WindowStart(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % Window.Ticks, TimeSpan.Zero);

    private static byte[] Gzip(JsonObject document)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        using (var writer = new Utf8JsonWriter(gzip))
            document.WriteTo(writer);
        return buffer.ToArray();
    }
}
