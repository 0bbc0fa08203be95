using System.Text;

namespace Shodo.Tests.Archives;

/// <summary>
/// Trail log files an attacker holding a key that can write to the trail bucket plants there: text that
/// is not UTF-8, an unpaired surrogate escape, broken JSON, a cut gzip, a record over the size limit and
/// one nested past the depth limit. Each bad file sits between good records, so a test can see that the
/// reading went on. Record times are given, so the files fall inside whatever window a test reads.
/// </summary>
public static class HostileTrailFiles
{
    /// <summary>A record as CloudTrail writes one, with an eventID to tell it apart; <paramref name="userAgent"/> is the raw JSON value.</summary>
    public static byte[] Record(string eventId, DateTimeOffset time, byte[]? userAgent = null, string? extra = null) =>
    [
        .. Encoding.UTF8.GetBytes($$"""{"eventVersion":"1.08","eventTime":"{{time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}}","eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.9","eventID":"{{eventId}}","userIdentity":{"type":"IAMUser","accountId":"111122223333"},"userAgent":"""),
        .. userAgent ?? "\"aws-cli/2.15.0\""u8.ToArray(),
        .. Encoding.UTF8.GetBytes(extra ?? ""),
        (byte)'}',
    ];

    /// <summary><c>{"Records":[...]}</c> of the given record texts.</summary>
    public static byte[] Envelope(params byte[][] records) =>
        [.. "{\"Records\":["u8, .. Join(records), .. "]}"u8];

    private static byte[] Join(byte[][] records) =>
        records.SelectMany((r, i) => i == 0 ? r : [(byte)',', .. r]).ToArray();

    /// <summary>The planted file: one record whose userAgent holds the byte 0xFF, gzipped (about 240 bytes).</summary>
    public static byte[] NotUtf8(DateTimeOffset time) =>
        ArchiveSamples.Gzip(Envelope(Record("planted-not-utf8", time, [.. "\"evil"u8, 0xFF, .. "agent\""u8])));

    /// <summary>Good records around one whose userAgent is an unpaired surrogate escape (<c>\ud800</c>).</summary>
    public static byte[] UnpairedSurrogate(DateTimeOffset time) => ArchiveSamples.Gzip(Envelope(
        Record("surrogate-before", time), Record("surrogate-bad", time, "\"x\\ud800y\""u8.ToArray()), Record("surrogate-after", time)));

    /// <summary>A good record, then JSON that breaks off in the middle of the next one.</summary>
    public static byte[] Malformed(DateTimeOffset time) =>
        ArchiveSamples.Gzip([.. "{\"Records\":["u8, .. Record("malformed-before", time), .. ",{\"eventID\":}]}"u8]);

    /// <summary>A gzip cut in half: the stream ends before its trailer.</summary>
    public static byte[] Truncated(DateTimeOffset time)
    {
        var whole = ArchiveSamples.Gzip(Envelope(Enumerable.Range(0, 50).Select(i => Record($"truncated-{i}", time)).ToArray()));
        return whole[..(whole.Length / 2)];
    }

    /// <summary>
    /// A good record, one whose requestParameters hold about <paramref name="bytes"/> bytes (strings of 1000
    /// characters, so the reader can step over it), another good one.
    /// </summary>
    public static byte[] Huge(DateTimeOffset time, int bytes)
    {
        var padding = string.Join(",", Enumerable.Repeat($"\"{new string('A', 1000)}\"", bytes / 1003 + 1));
        return ArchiveSamples.Gzip(Envelope(
            Record("huge-before", time),
            Record("huge-bad", time, extra: $",\"requestParameters\":{{\"padding\":[{padding}]}}"),
            Record("huge-after", time)));
    }

    /// <summary>A good record, then one whose requestParameters nest <paramref name="depth"/> arrays deep.</summary>
    public static byte[] DeeplyNested(DateTimeOffset time, int depth) => ArchiveSamples.Gzip(Envelope(
        Record("nested-before", time),
        Record("nested-bad", time, extra: $",\"requestParameters\":{new string('[', depth)}{new string(']', depth)}")));
}
