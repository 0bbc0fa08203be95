using Amazon.SecurityToken;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Shodo.Aws.Sdk;

/// <summary>
/// The AWS SDK's STS client with Shodo's <see cref="InterlockPipelineHandler"/> outermost in its
/// pipeline (and Shodo's retries in place of the SDK's): every STS call passes the never-delete interlock. Create it from
/// <see cref="AwsConnection.Sts"/>.
/// </summary>
public sealed class StsClient(AWSCredentials credentials, AmazonSecurityTokenServiceConfig config, InterlockPipelineHandler gate)
    : AmazonSecurityTokenServiceClient(credentials, config)
{
    // Initialised before the base constructor runs, which is when the SDK builds the pipeline.
    private readonly InterlockPipelineHandler _gate = gate;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        _gate.Install(pipeline);
    }
}
