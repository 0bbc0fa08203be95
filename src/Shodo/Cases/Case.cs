using System.Text.Json.Nodes;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cases;

/// <summary>
/// A case folder open for writing: <c>case.json</c>, the hash-chained <see cref="Journal"/> and the
/// content-addressed <see cref="Evidence"/>, all owner-only. Holding a <see cref="Case"/> holds the
/// case's lock: no other writer, in this process or another, can open it until it is disposed.
/// </summary>
public sealed class Case : IDisposable
{
    private readonly CaseLock _lock;
    private readonly FileStream _journalStream;
    private readonly FileStream _indexStream;

    private Case(string directory, CaseManifest manifest, CaseLock caseLock, FileStream journalStream, FileStream indexStream,
        CaseOptions options, long lastSeq, string lastHash)
    {
        Directory = directory;
        Manifest = manifest;
        _lock = caseLock;
        _journalStream = journalStream;
        _indexStream = indexStream;
        var gate = new SemaphoreSlim(1, 1);
        Journal = new Journal(journalStream, gate, options.Time, options.Redactor, options.Actor, lastSeq, lastHash, options.JournalKey);
        Evidence = new EvidenceStore(directory, indexStream, gate, Journal, options.Time, options.Redactor, Precedence);
        Documents = new CaseDocuments(directory, Journal);
        Folder = CaseFolder.At(directory);
    }

    public string Directory { get; }
    public CaseManifest Manifest { get; }
    public Journal Journal { get; }
    public EvidenceStore Evidence { get; }
    /// <summary>Who writes first: the first move, while it holds it (<see cref="WritePrecedence"/>).</summary>
    public WritePrecedence Precedence { get; } = new();
    /// <summary>Documents later steps write (findings.json, plan.json, reports), each journaled with its hash.</summary>
    public CaseDocuments Documents { get; }
    /// <summary>The same folder read as any reader sees it: the steps' typed documents are read through it.</summary>
    public CaseFolder Folder { get; }

    /// <summary>Opens a new case in a new folder under <paramref name="root"/> and records <c>case.opened</c>.</summary>
    public static Case Open(string root, CaseOptions? options = null)
    {
        options ??= new CaseOptions();
        System.IO.Directory.CreateDirectory(root);
        var openedAt = options.Time.GetUtcNow();
        string id, directory;
        do
        {
            id = CaseId.New(openedAt);
            directory = Path.GetFullPath(Path.Combine(root, id));
        } while (System.IO.Directory.Exists(directory));
        PrivateFiles.CreateDirectory(directory);
        var caseLock = CaseLock.Take(directory);
        PrivateFiles.CreateDirectory(Path.Combine(directory, CaseFileNames.Evidence));
        var manifest = new CaseManifest(
            id,
            options.Title is null ? null : options.Redactor.RedactText(options.Title).Value,
            options.AccountId, openedAt, options.Actor, options.ShodoVersion);
        var manifestJson = manifest.ToJson();
        PrivateFiles.WriteNew(Path.Combine(directory, CaseFileNames.Manifest), ManifestCheck.ExpectedBytes(manifestJson));
        var journal = OpenForAppend(directory, CaseFileNames.Journal);
        var index = OpenForAppend(directory, CaseFileNames.EvidenceIndex);
        var opened = new Case(directory, manifest, caseLock, journal, index, options, 0, JournalEntry.Genesis);
        opened.Journal.AppendLocked(JournalKinds.CaseOpened, manifestJson, null);
        PrivateFiles.SyncDirectory(Path.Combine(directory, CaseFileNames.Evidence));
        PrivateFiles.SyncDirectory(directory);
        PrivateFiles.SyncDirectory(Path.GetFullPath(root));
        return opened;
    }

    /// <summary>
    /// Opens an existing case to add to it. Refuses (<see cref="ExitCode.CaseBusy"/>) when another
    /// writer holds it, and (<see cref="ExitCode.CaseTampered"/>) when its journal does not verify.
    /// Repairs what a crash left and journals each repair (<see cref="CaseRepair"/>).
    /// </summary>
    public static Case Load(string directory, CaseOptions? options = null)
    {
        options ??= new CaseOptions();
        directory = Path.GetFullPath(directory);
        var manifestPath = Path.Combine(directory, CaseFileNames.Manifest);
        if (!File.Exists(manifestPath))
            throw new ShodoException(new Diagnostic(ExitCode.Failure, Messages.Get("CaseNotFound", directory)));
        var caseLock = CaseLock.Take(directory);
        try
        {
            var chain = JournalChain.Walk(directory);
            var finding = chain.Finding ?? ManifestCheck.Run(directory, chain);
            if (finding is not null)
                throw new ShodoException(new Diagnostic(ExitCode.CaseTampered, Messages.Get("CaseBrokenCannotAppend", directory, finding.Problem)));
            var manifest = CaseManifest.FromJson(JsonNode.Parse(File.ReadAllBytes(manifestPath))!);
            // What a crash left (an append cut short, an index line or a rename not yet made) is put
            // right before anything is added, and each repair is journaled.
            var repairs = CaseRepair.Run(directory, chain);
            var journal = OpenForAppend(directory, CaseFileNames.Journal);
            var index = OpenForAppend(directory, CaseFileNames.EvidenceIndex);
            var loaded = new Case(directory, manifest, caseLock, journal, index, options, chain.Entries.Count, chain.Head);
            foreach (var repair in repairs)
                loaded.Journal.AppendLocked(JournalKinds.CaseRepaired, repair, null);
            return loaded;
        }
        catch
        {
            caseLock.Dispose();
            throw;
        }
    }

    /// <summary>Attributes later entries and evidence to this AWS caller identity (from sts:GetCallerIdentity).</summary>
    public void IdentifyCaller(string callerArn) => Journal.Actor = Journal.Actor with { CallerArn = callerArn };

    /// <summary>
    /// Binds the caller to the case: refuses (usage error) credentials of another account than the case's, since every
    /// read and change would then be about the wrong account; otherwise the journal names the caller from now on.
    /// </summary>
    public void BindCaller(string accountId, string callerArn)
    {
        if (Manifest.AccountId is { } expected && expected != accountId)
            throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("CollectWrongAccount", expected, accountId)));
        IdentifyCaller(callerArn);
    }

    private static FileStream OpenForAppend(string directory, string relative) =>
        PrivateFiles.OpenForAppend(CaseFileNames.Full(directory, relative));

    public void Dispose()
    {
        _journalStream.Dispose();
        _indexStream.Dispose();
        _lock.Dispose();
    }
}
