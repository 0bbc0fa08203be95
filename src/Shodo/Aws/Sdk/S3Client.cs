using Amazon.S3;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Shodo.Aws.Sdk;

/// <summary>
/// The AWS SDK's S3 client with Shodo's <see cref="InterlockPipelineHandler"/> outermost in its
/// pipeline (and Shodo's retries in place of the SDK's): every S3 call passes the never-delete interlock. Create it from
/// <see cref="AwsConnection.S3"/>.
/// </summary>
public sealed class S3Client(AWSCredentials credentials, AmazonS3Config config, InterlockPipelineHandler gate)
    : AmazonS3Client(credentials, config)
{
    // Initialised before the base constructor runs, which is when the SDK builds the pipeline.
    private readonly InterlockPipelineHandler _gate = gate;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        _gate.Install(pipeline);
    }
}
