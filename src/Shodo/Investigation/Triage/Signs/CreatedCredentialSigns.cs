using Shodo.Localization;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;

namespace Shodo.Investigation.Triage.Signs;

/// <summary>
/// An identity that created users, access keys or console passwords inside the window: how attackers
/// keep access after the first key is cut. Session keys are left out (minting them is everyday work).
/// </summary>
public sealed class CreatedCredentialSigns : ISignDetector
{
    public string Kind => SignKinds.CreatedCredentials;

    public IEnumerable<Sign> Detect(TriageContext context)
    {
        var minted = context.Recent.SelectMany(MintedCredential.From)
            .Where(m => m.Kind != IdentityKind.SessionKey)
            .Select(m => (By: context.CandidateOf(m.Event), Minted: m))
            .Where(x => x.By is not null && !(x.By.Kind == CandidateId.User && context.ExcludedUsers.Contains(x.By.Id)));
        foreach (var group in minted.GroupBy(x => x.By!, x => x.Minted))
        {
            var items = group.OrderBy(m => m.Event.EventTime).ToList();
            var created = items.Select(m => m.Kind == IdentityKind.AccessKey ? CandidateId.Key(m.Name) : CandidateId.OfUser(m.Owner ?? m.Name))
                .Distinct().ToList();
            var summary = LocalText.Compose(c => Messages.In(c, "SignCreated", string.Join(Messages.In(c, "SignCreatedSeparator"), items.Select(m => m.Kind switch
            {
                IdentityKind.User => Messages.In(c, "SignCreatedUser", m.Name),
                IdentityKind.AccessKey => Messages.In(c, "SignCreatedAccessKey", m.Name, m.Owner),
                IdentityKind.LoginProfile => Messages.In(c, "SignCreatedLoginProfile", m.Name),
                _ => m.Name,
            }).Distinct(StringComparer.Ordinal))));
            yield return new Sign(Kind, group.Key, summary, items[0].Event.EventTime,
                items.Select(m => m.Event.EventId).Distinct(StringComparer.Ordinal).ToList(),
                []) { Created = created };
        }
    }
}
