using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Investigation.Model;
using Shodo.Range.Adversary;
using Shodo.Range.Scenarios;
using Shodo.Response.Accounts;
using Shodo.Cases.Accounts;

namespace Shodo.Drill;

/// <summary>
/// A drill across an organisation (issue 21): each member account Shodo entered is scored from its own sub-case against
/// that account's ground truth (an account the attacker never touched has none: whatever is reported there is a false
/// positive), added to the card's identities, resources and false positives; the accounts the attacker reached that Shodo
/// entered and responded in, against the ground truth's; each account's sub-case must verify too.
/// </summary>
public static class OrganizationScore
{
    public static DrillScorecard Apply(DrillScorecard card, CaseFolder folder, GroundTruth truth, IReadOnlyList<AdversaryCreation> created)
    {
        var accounts = MemberAccountsFile.Read(folder);
        if (accounts.Count == 0 && truth.Accounts.Count == 0) return card;
        int found = 0, expected = 0, resourcesFound = 0, resourcesExpected = 0;
        var falsePositives = new List<string>();
        var missed = new List<string>();
        var verified = true;
        foreach (var account in accounts.Where(a => a.Entered))
        {
            var sub = MemberAccountsFile.SubCase(folder, account);
            var recordedAt = JournalReader.Read(sub).FirstOrDefault(e => e.Kind == CollectJournalKinds.Started)?.Time;
            var reached = truth.Accounts.FirstOrDefault(a => a.AccountId == account.AccountId);
            var accountTruth = reached is null
                ? new DrillTruth(new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>())
                : DrillTruth.From(reached.Found, created.Where(c => c.AccountId == account.AccountId).ToList(), recordedAt);
            var identities = InvestigationFiles.ReadIdentities(sub).Where(i => i.Confidence == Confidence.Confirmed)
                .Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            var resources = InvestigationFiles.ReadResources(sub).Where(r => DrillTruth.ScoredResourceTypes.Contains(r.Type))
                .Select(r => DrillTruth.Resource(r.Type, r.Region, r.ResourceId)).ToHashSet(StringComparer.Ordinal);
            found += accountTruth.ExpectedIdentities.Count(identities.Contains);
            expected += accountTruth.ExpectedIdentities.Count;
            resourcesFound += accountTruth.ExpectedResources.Count(resources.Contains);
            resourcesExpected += accountTruth.ExpectedResources.Count;
            falsePositives.AddRange(identities.Where(i => !accountTruth.AttackerIdentities.Contains(i))
                .Concat(resources.Where(r => !accountTruth.AttackerResources.Contains(r))).Select(id => $"{account.AccountId}/{id}"));
            missed.AddRange(accountTruth.ExpectedIdentities.Where(i => !identities.Contains(i))
                .Concat(accountTruth.ExpectedResources.Where(r => !resources.Contains(r))).Select(id => $"{account.AccountId}/{id}"));
            verified &= CaseVerifier.Verify(sub.Directory).Intact;
        }
        // A reached account Shodo could not enter: everything there is missed.
        foreach (var reached in truth.Accounts.Where(t => !accounts.Any(a => a.Entered && a.AccountId == t.AccountId)))
        {
            var accountTruth = DrillTruth.From(reached.Found, created.Where(c => c.AccountId == reached.AccountId).ToList(), null);
            expected += accountTruth.ExpectedIdentities.Count;
            resourcesExpected += accountTruth.ExpectedResources.Count;
            missed.AddRange(accountTruth.ExpectedIdentities.Concat(accountTruth.ExpectedResources).Select(id => $"{reached.AccountId}/{id}"));
        }
        var journal = JournalReader.Read(folder);
        var responded = journal.Where(e => e.Kind == MemberAccountJournalKinds.Responded).ToList();
        var allContained = accounts.Count > 0 && accounts.All(a => a.Entered && (a.Contained || a.Outcome == "done"));
        return card with
        {
            SecondsToAccountsContained = allContained && responded.Count > 0
                ? Math.Round((responded.Max(e => e.Time) - journal[0].Time).TotalSeconds, 1) : null,
            AccountsExpected = truth.Accounts.Count,
            AccountsReached = truth.Accounts.Count(t => accounts.Any(a => a.Entered && a.AccountId == t.AccountId && a.Why.Contains(MemberAccount.Reached))),
            AccountsEntered = accounts.Count(a => a.Entered),
            SecondsToContainedByAccount = AccountsContainedAt.Seconds(folder),
            AccountsNotEntered = accounts.Where(a => !a.Entered).Select(a => a.AccountId).ToList(),
            IdentitiesFound = card.IdentitiesFound + found, IdentitiesExpected = card.IdentitiesExpected + expected,
            ResourcesFound = card.ResourcesFound + resourcesFound, ResourcesExpected = card.ResourcesExpected + resourcesExpected,
            FalsePositives = card.FalsePositives + falsePositives.Count,
            FalsePositiveIds = [.. card.FalsePositiveIds, .. falsePositives.Order(StringComparer.Ordinal)],
            MissedIds = [.. card.MissedIds, .. missed.Order(StringComparer.Ordinal)],
            EvidenceVerified = card.EvidenceVerified && verified,
        };
    }
}
