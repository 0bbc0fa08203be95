using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Shodo.Aws.Sdk;

/// <summary>
/// The AWS SDK's EC2 client with Shodo's <see cref="InterlockPipelineHandler"/> outermost in its
/// pipeline (and Shodo's retries in place of the SDK's): every EC2 call passes the never-delete interlock. Create it from
/// <see cref="AwsConnection.Ec2"/>.
/// </summary>
public sealed class Ec2Client(AWSCredentials credentials, AmazonEC2Config config, InterlockPipelineHandler gate)
    : AmazonEC2Client(credentials, config)
{
    // Initialised before the base constructor runs, which is when the SDK builds the pipeline.
    private readonly InterlockPipelineHandler _gate = gate;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        _gate.Install(pipeline);
    }
}
