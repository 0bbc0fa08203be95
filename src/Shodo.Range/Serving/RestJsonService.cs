namespace Shodo.Range.Serving;

/// <summary>
/// A REST-JSON service whose every operation is <c>POST /{operation in lower case}</c> with a JSON body (RAM): the same
/// <see cref="JsonAction"/>s as JSON 1.1, chosen by the path instead of the <c>X-Amz-Target</c> header.
/// </summary>
public abstract class RestJsonService(IEnumerable<JsonAction> actions) : JsonService("", actions)
{
    public override AwsProtocol Protocol => AwsProtocol.RestJson;

    protected override string OperationName(AwsRequest request)
    {
        var path = request.Path.Trim('/');
        return Actions.FirstOrDefault(a => string.Equals(a.Name, path, StringComparison.OrdinalIgnoreCase))?.Name
               ?? throw new AwsError("UnknownOperationException", $"Unknown operation {path}", 404);
    }
}
