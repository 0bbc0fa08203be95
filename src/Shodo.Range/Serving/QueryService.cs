namespace Shodo.Range.Serving;

/// <summary>A Query-protocol service whose operations are <see cref="QueryAction"/>s chosen by the Action parameter.</summary>
public abstract class QueryService(IEnumerable<QueryAction> actions) : IAwsService
{
    private readonly Dictionary<string, QueryAction> _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public abstract string Name { get; }
    public abstract string EventSource { get; }
    public virtual AwsProtocol Protocol => AwsProtocol.Query;
    public abstract string XmlNamespace { get; }
    public abstract bool IsGlobal { get; }

    public IReadOnlyCollection<string> ActionNames => _actions.Keys;
    public IReadOnlyCollection<QueryAction> Actions => _actions.Values;

    public AwsOperation Resolve(AwsRequest request)
    {
        var name = request.Param("Action") ?? throw AwsError.MissingParameter("Action");
        var action = _actions.GetValueOrDefault(name) ?? throw AwsError.InvalidAction(name);
        return new AwsOperation(name, $"{Name}:{name}", action.ReadOnly, action.Resource(request));
    }

    public Task<AwsResponse> HandleAsync(AwsCall call, CancellationToken ct)
    {
        var action = _actions[call.Operation.Name];
        lock (call.State.Sync) return Task.FromResult(action.Handle(call));
    }
}
