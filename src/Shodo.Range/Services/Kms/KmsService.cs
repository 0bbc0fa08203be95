using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>
/// AWS KMS over JSON 1.1 (X-Amz-Target: TrentService.Op), per region: keys, key policies and grants.
/// Each operation is one <see cref="KmsAction"/> file, listed here.
/// </summary>
public sealed class KmsService() : JsonService(TargetPrefix,
[
    new CreateKey(),
    new DescribeKey(),
    new ListKeys(),
    new GetKeyPolicy(),
    new PutKeyPolicy(),
    new CreateGrant(),
    new ListGrants(),
    new RevokeGrant(),
    new RetireGrant(),
    new DisableKey(),
    new EnableKey(),
    new ScheduleKeyDeletion(),
    new CancelKeyDeletion(),
])
{
    public const string TargetPrefix = "TrentService.";

    public override string Name => "kms";
    public override string EventSource => "kms.amazonaws.com";
    public override bool IsGlobal => false;
}
