using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3.Control;

/// <summary>
/// S3 Control PutPublicAccessBlock (PUT /v20180820/configuration/publicAccessBlock): replaces the account's Block Public Access
/// (200, empty); a setting the body leaves out is false. IAM action s3:PutAccountPublicAccessBlock; CloudTrail records
/// PutAccountPublicAccessBlock with the configuration in requestParameters.
/// </summary>
internal sealed class PutAccountPublicAccessBlock() : S3ControlAction("PUT", "/configuration/publicAccessBlock")
{
    public override string Name => "PutPublicAccessBlock";
    public override string IamAction => "s3:PutAccountPublicAccessBlock";
    public override string EventName => "PutAccountPublicAccessBlock";

    public override AwsResponse Handle(AwsCall call)
    {
        var block = AccountPublicAccessBlockXml.Read(call.Request.Body);
        call.State.AccountPublicAccessBlock = block;
        call.RequestParameters!["PublicAccessBlockConfiguration"] = AccountPublicAccessBlockXml.Json(block);
        return S3Xml.Empty();
    }
}
