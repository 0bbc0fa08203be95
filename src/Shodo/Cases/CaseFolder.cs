namespace Shodo.Cases;

/// <summary>
/// A case folder read without its writer's lock: the view the steps' typed documents are read through
/// (<c>findings.json</c>, <c>plan.json</c>, <c>candidates.json</c>, ...). <c>shodo report</c> (after its write)
/// and <c>shodo case verify</c> read a case another shodo process may be writing, so they read through this and
/// never take the lock; an open <see cref="Case"/> gives the same view as <see cref="Case.Folder"/>.
/// Reads only: a document another step has not written (yet) is null, not an error.
/// </summary>
public sealed class CaseFolder
{
    private CaseFolder(string directory) => Directory = directory;

    /// <summary>The case folder's full path.</summary>
    public string Directory { get; }

    /// <summary>The case at <paramref name="directory"/>, read as it is on disk (no lock, no repair).</summary>
    public static CaseFolder At(string directory) => new(Path.GetFullPath(directory));

    /// <summary>Whether a document ('/' separators, inside the case) has been written.</summary>
    public bool Has(string document) => File.Exists(CaseFileNames.Full(Directory, CaseDocuments.CheckedPath(document)));

    /// <summary>The current bytes of a document, or null when it was never written.</summary>
    public byte[]? Read(string document)
    {
        var path = CaseFileNames.Full(Directory, CaseDocuments.CheckedPath(document));
        return File.Exists(path) ? PrivateFiles.ReadShared(path) : null;
    }
}
