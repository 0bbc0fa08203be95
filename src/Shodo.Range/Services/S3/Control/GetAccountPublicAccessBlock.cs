using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3.Control;

/// <summary>
/// S3 Control GetPublicAccessBlock (GET /v20180820/configuration/publicAccessBlock): the account's Block Public Access, or
/// NoSuchPublicAccessBlockConfiguration (404) when none is set. IAM action s3:GetAccountPublicAccessBlock; CloudTrail's
/// eventName GetAccountPublicAccessBlock.
/// </summary>
internal sealed class GetAccountPublicAccessBlock() : S3ControlAction("GET", "/configuration/publicAccessBlock")
{
    public override string Name => "GetPublicAccessBlock";
    public override string IamAction => "s3:GetAccountPublicAccessBlock";
    public override string EventName => "GetAccountPublicAccessBlock";

    public override AwsResponse Handle(AwsCall call)
    {
        var block = call.State.AccountPublicAccessBlock ?? throw new AwsError("NoSuchPublicAccessBlockConfiguration",
            "The public access block configuration was not found", 404);
        return S3Xml.Document(AccountPublicAccessBlockXml.Element(block));
    }
}
