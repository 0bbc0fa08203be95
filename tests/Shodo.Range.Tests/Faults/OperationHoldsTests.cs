using Shodo.Range.Tests.Hosting;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Faults;

/// <summary>A held operation's calls are answered only when the test releases it; other operations are not held.</summary>
public sealed class OperationHoldsTests(ProbeRangeFixture fixture) : IClassFixture<ProbeRangeFixture>
{
    [Fact]
    public async Task A_held_operation_answers_when_released_and_others_answer_meanwhile()
    {
        var holds = fixture.Range.Faults.Holds;
        using var http = new SignedHttp(fixture.Range.Url, fixture.Range.Responder);
        holds.Hold("iam", "GetAccountSummary");
        try
        {
            var held = http.PostAsync("iam", "us-east-1", "Action=GetAccountSummary&Version=2010-05-08");
            var other = await http.PostAsync("iam", "us-east-1", "Action=ListUsers&Version=2010-05-08");
            Assert.True(other.IsSuccessStatusCode);
            Assert.False(held.IsCompleted);
            holds.Release("iam", "GetAccountSummary");
            Assert.True((await held.WaitAsync(TimeSpan.FromSeconds(30))).IsSuccessStatusCode);
        }
        finally
        {
            holds.Release("iam", "GetAccountSummary");
        }
    }
}
