using System.Globalization;

namespace Shodo.Investigation.Triage.Signs;

/// <summary>Access keys the recorded account shows were created inside the window (the responder's own excepted).</summary>
public sealed class NewAccessKeySigns : ISignDetector
{
    public string Kind => SignKinds.NewAccessKey;

    public IEnumerable<Sign> Detect(TriageContext context)
    {
        foreach (var key in context.State.AccessKeys.Where(k => k.Created is { } t && t >= context.Since && !context.ExcludedUsers.Contains(k.UserName)))
            yield return new Sign(Kind, CandidateId.Key(key.AccessKeyId),
                string.Format(CultureInfo.InvariantCulture, "access key {0} of user {1} created {2:u} ({3})", key.AccessKeyId, key.UserName, key.Created,
                    key.Status ?? "status unknown"),
                key.Created, [], []);
    }
}
