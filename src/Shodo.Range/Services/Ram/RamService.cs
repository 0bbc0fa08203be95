using Shodo.Range.Serving;

namespace Shodo.Range.Services.Ram;

/// <summary>
/// AWS Resource Access Manager over REST-JSON (<c>POST /createresourceshare</c>...), per region: enough to share a
/// resource with another account and to read what is shared. Each operation is one file, listed here.
/// </summary>
public sealed class RamService() : RestJsonService(
[
    new CreateResourceShare(),
    new AssociateResourceShare(),
    new GetResourceShares(),
    new GetResourceShareAssociations(),
    new ListResources(),
])
{
    public override string Name => "ram";
    public override string EventSource => "ram.amazonaws.com";
    public override bool IsGlobal => false;
}
