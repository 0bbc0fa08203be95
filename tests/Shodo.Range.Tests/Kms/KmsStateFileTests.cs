using Shodo.Range.State;

namespace Shodo.Range.Tests.Kms;

/// <summary>KMS keys travel in the state file with their policy and grants, tokens included, so a saved grant still retires.</summary>
public sealed class KmsStateFileTests
{
    [Fact]
    public async Task A_saved_key_loads_with_its_policy_and_its_outside_grant()
    {
        var state = new RangeState("111122223333", new RangeClock(TimeProvider.System));
        var key = state.CreateKmsKey("eu-west-1", description: "crm snapshots");
        var grant = state.CreateKmsGrant(key, "arn:aws:iam::999988887777:root", ["Decrypt", "CreateGrant"], name: "copy",
            contextSubset: new() { ["aws:ebs:id"] = "snap-0123456789abcdef0" });
        var path = Path.Combine(Path.GetTempPath(), $"shodo-kms-{Guid.NewGuid():N}.json");
        try
        {
            await RangeStateFile.SaveAsync(state, path, default);
            var loaded = new RangeState("111122223333", new RangeClock(TimeProvider.System));
            await RangeStateFile.LoadAsync(loaded, path, default);
            lock (loaded.Sync)
            {
                var back = Assert.Single(loaded.Kms("eu-west-1").Keys);
                Assert.Equal(key.Arn, back.Arn);
                Assert.Equal(key.Policy, back.Policy);
                Assert.Equal("crm snapshots", back.Description);
                var g = Assert.Single(back.Grants);
                Assert.Equal((grant.GrantId, grant.GrantToken, grant.GranteePrincipal, "copy"), (g.GrantId, g.GrantToken, g.GranteePrincipal, g.Name));
                Assert.Equal(["Decrypt", "CreateGrant"], g.Operations);
                Assert.Equal("snap-0123456789abcdef0", g.EncryptionContextSubset!["aws:ebs:id"]);
                Assert.Empty(loaded.Kms("us-east-1").Keys);
            }
        }
        finally { File.Delete(path); }
    }
}
