using Shodo.Range.State;
using Shodo.Range.State.S3;

namespace Shodo.Range.Tests.S3;

/// <summary>The account's Block Public Access travels in the state file (part <c>s3control</c>); none set loads as none.</summary>
public sealed class S3ControlStateFileTests
{
    [Fact]
    public async Task The_accounts_block_public_access_loads_as_saved_and_none_loads_as_none()
    {
        var state = new RangeState("111122223333", new RangeClock(TimeProvider.System))
        {
            AccountPublicAccessBlock = new S3PublicAccessBlock(BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true),
        };
        var path = Path.Combine(Path.GetTempPath(), $"shodo-s3control-{Guid.NewGuid():N}.json");
        try
        {
            await RangeStateFile.SaveAsync(state, path, default);
            var loaded = new RangeState("111122223333", new RangeClock(TimeProvider.System));
            await RangeStateFile.LoadAsync(loaded, path, default);
            Assert.Equal(state.AccountPublicAccessBlock, loaded.AccountPublicAccessBlock);

            state.AccountPublicAccessBlock = null;
            await RangeStateFile.SaveAsync(state, path, default);
            await RangeStateFile.LoadAsync(loaded, path, default);
            Assert.Null(loaded.AccountPublicAccessBlock);
        }
        finally { File.Delete(path); }
    }
}
