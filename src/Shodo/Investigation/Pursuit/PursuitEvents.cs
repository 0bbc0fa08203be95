using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Sources;
using Shodo.Investigation.Sources.LogFiles;
using Shodo.Investigation.Sources.Lookup;
using Shodo.Trail;
using Shodo.Trail.Lookup;

namespace Shodo.Investigation.Pursuit;

/// <summary>
/// Where a pursuit reads the attacker's events: where the investigation after it would (issue 21). A member account whose
/// parent found an organisation trail covering it (<see cref="OrganizationTrailChoice.Reach"/>, the one choice
/// the response's ParentOrganizationTrail makes for both) reads the member's folder of that trail through the
/// parent's connection, as <see cref="InvestigationSources"/> reads it, digests and all; any other account, or a member without
/// one, reads LookupEvents as before; a member whose folder cannot be read falls back to its LookupEvents. <see cref="Source"/>
/// names it for the step's line and the journal.
/// </summary>
public abstract class PursuitEvents
{
    /// <summary>What the pursuit read, in the responder's words: LookupEvents, or the trail's folder and the account reading it.</summary>
    public abstract string Source { get; }

    /// <summary>The events of <paramref name="accessKeyId"/> in the window, in every region.</summary>
    public abstract Task<SourceResult> KeyAsync(string accessKeyId, TrailWindow window, IReadOnlyList<string> regions, CancellationToken ct);

    /// <summary>Every event in the window, in every region.</summary>
    public abstract Task<SourceResult> EverythingAsync(TrailWindow window, IReadOnlyList<string> regions, CancellationToken ct);

    /// <summary>The organisation trail when the choice reaches it (LookupEvents when reading it fails), else LookupEvents.</summary>
    public static PursuitEvents For(AwsConnection aws, Case @case, TimeProvider time, LookupsRead? alreadyRead, OrganizationTrailChoice? choice) =>
        choice?.Reach is { } reach
            ? new FromOrganizationTrail(aws, @case, time, alreadyRead, choice, reach)
            : new FromLookup(new LookupEventsSource(aws, @case, time, alreadyRead: alreadyRead));

    private sealed class FromLookup(LookupEventsSource lookup) : PursuitEvents
    {
        public override string Source => Localization.Messages.Get("PursueSourceLookup");

        public override Task<SourceResult> KeyAsync(string accessKeyId, TrailWindow window, IReadOnlyList<string> regions, CancellationToken ct) =>
            lookup.ReadAsync(LookupQuery.AccessKey(accessKeyId, window), regions, ct);

        public override Task<SourceResult> EverythingAsync(TrailWindow window, IReadOnlyList<string> regions, CancellationToken ct) =>
            lookup.ReadAsync(LookupQuery.Everything(window), regions, ct);
    }

    /// <summary>
    /// The member's folder of the organisation trail: log files hold every event, not one key's, so both reads take the folder's
    /// events in the window (from the pursuit's start, else as far back as LookupEvents reaches) and the first keeps the key's;
    /// the trail's <see cref="OrganizationTrailReach.Folders"/> remember what was read, so the second fetches only what is new.
    /// Read as the investigation reads it (<see cref="InvestigationSources.OrganizationTrailOrLookupAsync"/>, with no trail of the
    /// member's: its snapshot is still being recorded): when the folder cannot be read, the member's own LookupEvents instead
    /// (the key's events, then everything), said in <see cref="Source"/>.
    /// </summary>
    private sealed class FromOrganizationTrail(AwsConnection aws, Case @case, TimeProvider time, LookupsRead? alreadyRead,
        OrganizationTrailChoice choice, OrganizationTrailReach reach) : PursuitEvents
    {
        private InvestigationSources? _sources;

        public override string Source => _sources?.OrganizationTrailFallback is { } fallback
            ? Localization.Messages.Get("PursueSourceFallback", fallback.Failed, reach.ReadAs, fallback.Code ?? fallback.Kind, fallback.Answer)
            : Localization.Messages.Get("PursueSourceOrganizationTrail", reach.FolderOf(@case.Manifest.AccountId), reach.ReadAs);

        public override async Task<SourceResult> KeyAsync(string accessKeyId, TrailWindow window, IReadOnlyList<string> regions, CancellationToken ct)
        {
            var read = await Sources(regions).OrganizationTrailOrLookupAsync(window, @case.Manifest.AccountId, LookupQuery.AccessKey(accessKeyId, window), ct)
                .ConfigureAwait(false);
            return read with { Records = read.Records.Where(r => r.AccessKeyId == accessKeyId).ToList() };
        }

        public override Task<SourceResult> EverythingAsync(TrailWindow window, IReadOnlyList<string> regions, CancellationToken ct) =>
            Sources(regions).OrganizationTrailOrLookupAsync(window, @case.Manifest.AccountId, LookupQuery.Everything(window), ct);

        /// <summary>One for the pursuit's reads, so a folder that failed once is not asked again: LookupEvents from then on.</summary>
        private InvestigationSources Sources(IReadOnlyList<string> regions) => _sources ??= new InvestigationSources(aws, @case,
            new InvestigationOptions { Time = time, OrganizationTrail = choice, LookupsRead = alreadyRead }, new AccountSnapshot(), regions,
            IInvestigationProgress.None);
    }
}
