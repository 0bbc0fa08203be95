using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Sts;

public sealed class GetCallerIdentityTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    [Fact]
    public async Task Responder_is_the_admin_user_of_the_range_account()
    {
        var identity = await fixture.Cli.OkAsync("sts", "get-caller-identity");

        Assert.Equal(RangeInfo.DefaultAccountId, identity.GetProperty("Account").GetString());
        Assert.Equal($"arn:aws:iam::{RangeInfo.DefaultAccountId}:user/responder", identity.GetProperty("Arn").GetString());
        Assert.StartsWith("AIDA", identity.GetProperty("UserId").GetString());

        var record = fixture.Range.State.Calls.Last(c => c.EventName == "GetCallerIdentity");
        Assert.Equal("sts.amazonaws.com", record.EventSource);
        Assert.Equal("us-east-1", record.Region);
        Assert.Equal(fixture.Range.Responder.AccessKeyId, record.Caller?.AccessKeyId);
        Assert.Null(record.ErrorCode);
        Assert.Contains("aws-cli/2", record.UserAgent);
    }
}
