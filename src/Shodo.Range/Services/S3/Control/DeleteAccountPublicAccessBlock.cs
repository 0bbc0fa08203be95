using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3.Control;

/// <summary>
/// S3 Control DeletePublicAccessBlock (DELETE /v20180820/configuration/publicAccessBlock): removes the account's Block Public
/// Access (204), whether or not one was set. AWS authorizes it with s3:PutAccountPublicAccessBlock; CloudTrail records
/// DeleteAccountPublicAccessBlock.
/// </summary>
internal sealed class DeleteAccountPublicAccessBlock() : S3ControlAction("DELETE", "/configuration/publicAccessBlock")
{
    public override string Name => "DeletePublicAccessBlock";
    public override string IamAction => "s3:PutAccountPublicAccessBlock";
    public override string EventName => "DeleteAccountPublicAccessBlock";

    public override AwsResponse Handle(AwsCall call)
    {
        call.State.AccountPublicAccessBlock = null;
        return S3Xml.Empty(204);
    }
}
