using Shodo.Aws.Kms;
using Shodo.Aws.Kms.Calls;
using Shodo.Aws.Safety;
using Shodo.Diagnostics;

namespace Shodo.Tests.Aws;

/// <summary>
/// kms:RevokeGrant, the one approved destructive step: the interlock refuses it (and records the refusal) everywhere but inside
/// its own approved step's scope, and that scope lets through nothing else destructive, nor anything once it is left.
/// </summary>
public class ApprovedDestructiveStepTests
{
    [Fact]
    public async Task RevokeGrant_is_refused_outside_its_approved_step_and_sent_once_inside_it()
    {
        await using var server = await AwsTestServer.StartAsync(_ => Reply.Json("{}"));
        var refusals = new RecordedRefusals();
        using var aws = await TestConnections.OpenAsync(server.Url, refusals);
        var kms = aws.Json(KmsOperations.Service, "ap-northeast-1");

        var refused = await Assert.ThrowsAsync<RefusedCallException>(() => kms.SendAsync(new RevokeGrant("key-1", "grant-1")));
        Assert.Equal(ExitCode.Refused, refused.Diagnostic.Code);
        Assert.Equal(0, server.Count);
        Assert.Contains("Revoke", Assert.Single(refusals.Calls).Reason);

        using (ApprovedDestructiveSteps.Enter(ApprovedDestructiveSteps.For("revoke-kms-grant")!))
        {
            Assert.True(await kms.SendAsync(new RevokeGrant("key-1", "grant-1")));
            // The step's scope opens its own operation only.
            await Assert.ThrowsAsync<RefusedCallException>(() => aws.S3().DeleteBucketAsync("evidence"));
        }
        Assert.Equal(1, server.Count);

        await Assert.ThrowsAsync<RefusedCallException>(() => kms.SendAsync(new RevokeGrant("key-1", "grant-2")));
        Assert.Equal(1, server.Count);
        Assert.Equal(3, refusals.Calls.Count);
    }

    [Fact]
    public void Only_revoke_kms_grant_is_a_step_and_a_name_that_is_not_one_opens_nothing()
    {
        Assert.Null(ApprovedDestructiveSteps.For("close-data-door"));
        Assert.False(ApprovedDestructiveSteps.AllowsNow(KmsOperations.RevokeGrant));
    }
}
