using Shodo.Range.Serving;
using Shodo.Range.State;

namespace Shodo.Range.Scenarios;

/// <summary>
/// Plays planned calls through the range's own dispatch pipeline (authentication by access key,
/// authorization, the service handlers, CallRecords) with the simulated clock set to each call's
/// time, so the CloudTrail history is produced by the range itself. Responses saved by name become
/// references; a saved response with AccessKeyId and SecretAccessKey becomes a named credential.
/// </summary>
public sealed class ScenarioPlayer(RangeState state, Dispatcher dispatcher, DateTimeOffset start,
    Dictionary<string, RangeCredentials> credentials)
{
    public SavedResults Saved { get; } = new();

    /// <summary>The calls attacker actors made, in order.</summary>
    public List<CallRecord> AttackerCalls { get; } = [];

    public async Task PlayAsync(IEnumerable<PlannedCall> calls, CancellationToken ct)
    {
        var services = dispatcher.Services.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var planned in calls)
        {
            ct.ThrowIfCancellationRequested();
            state.Clock.Set(start + planned.At);
            var service = services.GetValueOrDefault(planned.Service)
                          ?? throw new ScenarioException($"The range does not serve '{planned.Service}'");
            var variables = Variables(planned);
            var credentialName = Saved.Substitute(planned.Credential, variables);
            var credential = credentials.GetValueOrDefault(credentialName)
                             ?? throw new ScenarioException($"No credential named '{credentialName}' (yet)");
            var parameters = planned.Params.ToDictionary(p => p.Key, p => Resolve(p.Value, variables));
            var request = ScenarioRequest.Build(service, planned.Operation, parameters, planned.Region, state.AccountId,
                planned.Actor.SourceIp, planned.Actor.UserAgent);
            var result = await dispatcher.InvokeAsync(request, credential, ct);
            Check(planned, result);
            if (planned.Actor.Attacker) AttackerCalls.Add(result.Record);
            if (planned.Save is { } save) Keep(Saved.Substitute(save, variables), result.Response);
        }
    }

    /// <summary>The step's variables plus <c>NAME.AccessKeyId</c> for every named credential.</summary>
    private Dictionary<string, string> Variables(PlannedCall planned)
    {
        var variables = new Dictionary<string, string>(planned.Variables, StringComparer.Ordinal);
        foreach (var (name, credential) in credentials) variables[name + ".AccessKeyId"] = credential.AccessKeyId;
        return variables;
    }

    private static void Check(PlannedCall planned, InProcessResult result)
    {
        var what = $"{planned.Service}:{planned.Operation} in {planned.Region} at {planned.At} by {planned.ActorName}";
        if (planned.ExpectError is { } expected && result.Error?.Code != expected)
            throw new ScenarioException($"{what} was expected to fail with {expected} but got {result.Error?.Code ?? "success"}");
        if (planned.ExpectError is null && result.Error is { } error)
            throw new ScenarioException($"{what} failed: {error.Code}: {error.Message}");
    }

    private void Keep(string name, AwsResponse? response)
    {
        Saved.Save(name, response);
        var ids = Saved.Values(name, "AccessKeyId");
        var secrets = Saved.Values(name, "SecretAccessKey");
        if (ids.Count > 0 && secrets.Count > 0)
            credentials[name] = new RangeCredentials(ids[0], secrets[0], Saved.Values(name, "SessionToken").FirstOrDefault());
    }

    private object? Resolve(object? value, IReadOnlyDictionary<string, string> variables) => value switch
    {
        string s => Saved.Substitute(s, variables),
        IDictionary<object, object> map => map.ToDictionary(p => p.Key, p => Resolve(p.Value, variables)),
        IList<object> list => list.Select(v => Resolve(v, variables)).ToList(),
        _ => value,
    };
}
