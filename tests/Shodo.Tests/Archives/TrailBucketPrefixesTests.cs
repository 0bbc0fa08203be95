using Shodo.Trail;
using Shodo.Trail.Archives;

namespace Shodo.Tests.Archives;

/// <summary>Which prefixes of a trail bucket an account's window is read from: an organisation trail's never reach another account's folder.</summary>
public sealed class TrailBucketPrefixesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Without_a_start_an_organisation_trail_is_read_in_the_accounts_folder_only_an_account_trail_whole()
    {
        var open = new TrailWindow(null, null);
        Assert.Equal(["logs/AWSLogs/o-abc/222233334444/"], TrailBucketPrefixes.For("logs", open, "222233334444", ["us-east-1"], Now, "o-abc"));
        Assert.Equal(["AWSLogs/o-abc/222233334444/"], TrailBucketPrefixes.For(null, open, "222233334444", [], Now, "o-abc"));
        Assert.Equal(["logs/"], TrailBucketPrefixes.For("logs", open, "222233334444", ["us-east-1"], Now));
        Assert.Equal(["logs/"], TrailBucketPrefixes.For("logs", open, null, ["us-east-1"], Now, "o-abc"));
    }

    [Fact]
    public void With_a_start_an_organisation_trail_is_read_day_by_day_in_the_accounts_folder()
    {
        var prefixes = TrailBucketPrefixes.For(null, new TrailWindow(Now.AddDays(-1), null), "222233334444", ["eu-west-1"], Now, "o-abc");
        Assert.Equal(3, prefixes.Count); // yesterday, today and a day after for delivery delay
        Assert.All(prefixes, p => Assert.StartsWith("AWSLogs/o-abc/222233334444/CloudTrail/eu-west-1/2026/12/", p));
    }
}
