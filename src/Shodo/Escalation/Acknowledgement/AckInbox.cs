using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Escalation.Acknowledgement;

/// <summary>
/// The case's <c>inbox/</c>: how <c>shodo ack</c> reaches the one process that holds the case lock.
/// A request is written owner-only to a temporary name and renamed to <c>inbox/ack-*.json</c>, so the
/// reader never sees half a file; the running escalation loop reads it, journals
/// <c>escalation.acknowledged</c> (via <c>inbox</c>, with the file's SHA-256) and only then moves it to
/// <c>inbox/processed/</c> (or <c>inbox/rejected/</c> when it is not a valid request).
/// </summary>
public sealed class AckInbox(string caseDirectory)
{
    public const string Folder = "inbox";
    public const string ProcessedFolder = "inbox/processed";
    public const string RejectedFolder = "inbox/rejected";
    private const int MaxSize = 4096;

    /// <summary>Leaves a request for the running process; returns its path relative to the case.</summary>
    public string Submit(AckRequest request)
    {
        var folder = Full(Folder);
        if (!Directory.Exists(folder)) PrivateFiles.CreateDirectory(folder);
        var name = $"ack-{request.RequestedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.json";
        var path = Path.Combine(folder, name);
        var temp = Path.Combine(folder, "." + name + ".tmp");
        PrivateFiles.WriteNew(temp, CanonicalJson.Encode(request.ToJson()));
        File.Move(temp, path);
        PrivateFiles.SyncDirectory(folder);
        return $"{Folder}/{name}";
    }

    /// <summary>Requests waiting, oldest first (names sort by time).</summary>
    public IReadOnlyList<PendingAck> Pending()
    {
        var folder = Full(Folder);
        if (!Directory.Exists(folder)) return [];
        var pending = new List<PendingAck>();
        foreach (var path in Directory.GetFiles(folder, "ack-*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            byte[] bytes;
            try
            {
                var info = new FileInfo(path);
                bytes = info.Length > MaxSize ? [] : File.ReadAllBytes(path);
            }
            catch (IOException) { continue; }
            AckRequest? request = null;
            try { request = bytes.Length == 0 ? null : AckRequest.FromJson(JsonNode.Parse(bytes)); }
            catch (System.Text.Json.JsonException) { }
            pending.Add(new PendingAck(name, request, ContentHash.Sha256(bytes)));
        }
        return pending;
    }

    /// <summary>Moves a handled request out of the inbox (after it was journaled).</summary>
    public void Archive(PendingAck pending)
    {
        var folder = Full(pending.Request is null ? RejectedFolder : ProcessedFolder);
        if (!Directory.Exists(folder)) PrivateFiles.CreateDirectory(folder);
        File.Move(Path.Combine(Full(Folder), pending.Name), Path.Combine(folder, pending.Name), overwrite: true);
        PrivateFiles.SyncDirectory(folder);
    }

    /// <summary>Whether the request named <paramref name="relativePath"/> (from <see cref="Submit"/>) was handled.</summary>
    public bool WasHandled(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        return File.Exists(Path.Combine(Full(ProcessedFolder), name)) || File.Exists(Path.Combine(Full(RejectedFolder), name));
    }

    private string Full(string relative) => CaseFileNames.Full(caseDirectory, relative);
}

/// <summary>A file in the inbox: its request, or null when the file is not a valid request.</summary>
public sealed record PendingAck(string Name, AckRequest? Request, string Sha256);
