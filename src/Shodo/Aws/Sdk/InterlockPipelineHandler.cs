using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Shodo.Aws.Errors;
using Shodo.Aws.Resilience;
using Shodo.Aws.Safety;

namespace Shodo.Aws.Sdk;

/// <summary>
/// The outermost handler of every Shodo SDK client's pipeline. Before the SDK marshals anything it
/// names the operation from the request type (<c>TerminateInstancesRequest</c> → ec2:TerminateInstances),
/// passes it through the <see cref="Interlock"/> and checks it is declared in
/// <see cref="OperationCatalog"/>; then it waits for the documented rate, caps the whole call
/// (SDK retries included) at <see cref="AwsRetryOptions.TotalTimeout"/>, and translates SDK
/// exceptions into <see cref="AwsServiceError"/>. <see cref="Install"/> puts it into a client's pipeline
/// together with Shodo's retry policy (<see cref="SdkRetryPolicy"/>).
/// </summary>
public sealed class InterlockPipelineHandler(
    string service, Interlock interlock, RequestRateLimits limits, AwsRetryOptions retry, TimeProvider time)
    : PipelineHandler
{
    /// <summary>Makes this handler the outermost of <paramref name="pipeline"/> and its retries Shodo's.</summary>
    public void Install(RuntimePipeline pipeline)
    {
        pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new SdkRetryPolicy(service, retry, time)));
        pipeline.AddHandler(this);
    }

    public override void InvokeSync(IExecutionContext executionContext) =>
        throw new NotSupportedException("Shodo calls AWS asynchronously only.");

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var request = executionContext.RequestContext;
        var operation = Operation(service, request.RequestName);
        var config = request.ClientConfig;
        var region = config.AuthenticationRegion ?? config.RegionEndpoint?.SystemName ?? "us-east-1";
        interlock.Check(operation, region);
        OperationCatalog.EnsureDeclared(operation);

        var caller = request.CancellationToken;
        using var total = new CancellationTokenSource(retry.TotalTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(caller, total.Token);
        if (request is RequestContext settable) settable.CancellationToken = linked.Token;
        try
        {
            await limits.WaitTurnAsync(operation, region, linked.Token);
            return await base.InvokeAsync<T>(executionContext);
        }
        catch (OperationCanceledException e) when (total.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            throw AwsServiceError.Unreachable(operation.Service, operation.Name, config.ServiceURL ?? region,
                new TimeoutException($"no answer within {retry.TotalTimeout.TotalSeconds:0} s", e));
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            throw SdkErrorTranslation.Translate(e, operation.Service, operation.Name, config.ServiceURL);
        }
    }

    /// <summary>The declared operation for an SDK request type name, or an undeclared one to be refused.</summary>
    public static AwsOperation Operation(string service, string requestTypeName)
    {
        var name = requestTypeName.EndsWith("Request", StringComparison.Ordinal) ? requestTypeName[..^"Request".Length] : requestTypeName;
        return OperationCatalog.Find(service, name) ?? AwsOperation.Of(service, name);
    }
}
