using Amazon.Runtime;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Sdk;

/// <summary>
/// Gives the SDK clients the same wire as the hand-written ones: a connect timeout (so a
/// blackholed endpoint fails fast) and <see cref="RecordingHandler"/> (so evidence can keep the raw
/// answer). One shared HttpClient per connect timeout, cached by the SDK.
/// </summary>
public sealed class SdkHttpClients(TimeSpan connectTimeout, TimeProvider time) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(RecordingHandler.Wire(connectTimeout, time, clientConfig.AllowAutoRedirect, clientConfig.GetWebProxy()))
        {
            Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(100),
        };

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;
    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
    public override string GetConfigUniqueString(IClientConfig clientConfig) =>
        $"shodo:{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(time)}:{connectTimeout.TotalMilliseconds}:{clientConfig.AllowAutoRedirect}:{clientConfig.Timeout}:{clientConfig.GetWebProxy()?.GetHashCode()}";
}
