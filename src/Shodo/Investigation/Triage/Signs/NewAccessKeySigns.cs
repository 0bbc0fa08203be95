using Shodo.Localization;

namespace Shodo.Investigation.Triage.Signs;

/// <summary>Access keys the recorded account shows were created inside the window (the responder's own excepted).</summary>
public sealed class NewAccessKeySigns : ISignDetector
{
    public string Kind => SignKinds.NewAccessKey;

    public IEnumerable<Sign> Detect(TriageContext context)
    {
        foreach (var key in context.State.AccessKeys.Where(k => k.Created is { } t && t >= context.Since && !context.ExcludedUsers.Contains(k.UserName)))
            yield return new Sign(Kind, CandidateId.Key(key.AccessKeyId),
                LocalText.Compose(c => Messages.In(c, "SignNewAccessKey", key.AccessKeyId, key.UserName, key.Created,
                    key.Status ?? Messages.In(c, "SignStatusUnknown"))),
                key.Created, [], []);
    }
}
