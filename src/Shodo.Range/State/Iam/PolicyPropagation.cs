namespace Shodo.Range.State.Iam;

/// <summary>
/// IAM is eventually consistent: a policy put on, attached to, detached from or deleted from a user, role or group
/// takes effect only <see cref="Delay"/> after the change (<c>range serve --iam-propagation</c>; zero by default).
/// Until then the holder's policies as they were before the first pending change keep applying; another change
/// inside the window moves its end. Only what IAM stores is immediate (GetUserPolicy shows the new document at
/// once), as on AWS. Not part of the saved state: a loaded range starts with every change in effect.
/// </summary>
public sealed class PolicyPropagation
{
    private readonly Dictionary<string, (IReadOnlyList<string> Before, DateTimeOffset Until)> _pending = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan Delay { get; set; }

    /// <summary>The key of a policy holder: <c>user:NAME</c>, <c>role:NAME</c> or <c>group:NAME</c>.</summary>
    public static string Key(string kind, string name) => $"{kind.ToLowerInvariant()}:{name}";

    /// <summary>Records that the holder's policies are about to change at <paramref name="now"/>; <paramref name="current"/> is what applies now.</summary>
    public void Changing(string key, IReadOnlyList<string> current, DateTimeOffset now)
    {
        if (Delay <= TimeSpan.Zero) return;
        var before = _pending.TryGetValue(key, out var p) && now < p.Until ? p.Before : current;
        _pending[key] = (before, now + Delay);
    }

    /// <summary>The documents still in effect for a holder whose change has not propagated yet, or null when the stored ones apply.</summary>
    public IReadOnlyList<string>? StillInEffect(string key, DateTimeOffset now) =>
        _pending.TryGetValue(key, out var p) && now < p.Until ? p.Before : null;
}
