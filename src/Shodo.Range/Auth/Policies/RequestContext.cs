namespace Shodo.Range.Auth.Policies;

/// <summary>
/// What a policy is evaluated against: the action, the resource and the condition keys present in
/// the request (names without regard to case, as IAM treats them). Absent keys are simply missing:
/// aws:TokenIssueTime, for example, exists only for temporary credentials.
/// </summary>
public sealed class RequestContext(string action, string resource)
{
    public string Action { get; } = action;
    public string Resource { get; } = resource;
    public Dictionary<string, IReadOnlyList<string>> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);

    public RequestContext With(string key, string? value)
    {
        if (value is not null) Keys[key] = [value];
        return this;
    }
}
