using System.Text.Json.Nodes;

namespace Shodo.Range.Serving;

/// <summary>
/// A JSON 1.1 service whose operations are <see cref="JsonAction"/>s chosen by the <c>X-Amz-Target</c> header
/// (<c>{targetPrefix}{Operation}</c>). The input and, for a change, the output are recorded camelCase as CloudTrail does;
/// an action that returns a secret (a KMS grant token) sets <see cref="AwsCall.ResponseElements"/> itself.
/// </summary>
public abstract class JsonService(string targetPrefix, IEnumerable<JsonAction> actions) : IAwsService
{
    private readonly Dictionary<string, JsonAction> _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public abstract string Name { get; }
    public abstract string EventSource { get; }
    public virtual AwsProtocol Protocol => AwsProtocol.Json;
    public string XmlNamespace => "";
    public abstract bool IsGlobal { get; }

    public IReadOnlyCollection<string> ActionNames => _actions.Keys;
    public IReadOnlyCollection<JsonAction> Actions => _actions.Values;

    /// <summary>The operation the request names: JSON 1.1 in its <c>X-Amz-Target</c> header.</summary>
    protected virtual string OperationName(AwsRequest request)
    {
        var target = request.Headers["X-Amz-Target"].ToString();
        return target.StartsWith(targetPrefix, StringComparison.Ordinal) ? target[targetPrefix.Length..] : target;
    }

    public AwsOperation Resolve(AwsRequest request)
    {
        var name = OperationName(request);
        var action = _actions.GetValueOrDefault(name) ?? throw new AwsError("UnknownOperationException", $"Unknown operation {name}");
        return new AwsOperation(name, $"{Name}:{name}", action.ReadOnly, action.Resource(request));
    }

    public Task<AwsResponse> HandleAsync(AwsCall call, CancellationToken ct)
    {
        var action = _actions[call.Operation.Name];
        var input = JsonBody.Parse(call.Request.Body);
        call.RequestParameters = JsonBody.CamelCase(input);
        JsonObject output;
        lock (call.State.Sync) output = action.Handle(call, input);
        if (!action.ReadOnly) call.ResponseElements ??= JsonBody.CamelCase(output); // unless the action recorded less (a secret)
        return Task.FromResult<AwsResponse>(new JsonResult(output));
    }
}
