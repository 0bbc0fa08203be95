using Shodo.Range.Serving;

namespace Shodo.Range.Services.Sts;

/// <summary>AWS Security Token Service (Query protocol, 2011-06-15), global: events in us-east-1.</summary>
public sealed class StsService() : QueryService(
[
    new GetCallerIdentity(), new GetAccessKeyInfo(), new GetSessionToken(), new GetFederationToken(), new AssumeRole(),
])
{
    public override string Name => "sts";
    public override string EventSource => "sts.amazonaws.com";
    public override string XmlNamespace => "https://sts.amazonaws.com/doc/2011-06-15/";
    public override bool IsGlobal => true;
}
