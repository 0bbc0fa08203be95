using Shodo.Localization;

namespace Shodo.Investigation.Impact;

/// <summary>
/// One thing that was not read and could decide whether a store is readable (a bucket policy, an ACL, a key policy...):
/// a message (<c>Reach*</c> in Messages.resx) with its subjects, said in English (impact.json's <c>reachUnknown</c>) and in
/// each report language.
/// </summary>
public sealed record ReachGap(string Key, IReadOnlyList<string> Subjects)
{
    public static ReachGap Of(string key, params string[] subjects) => new(key, subjects);

    public string English => LocalText.English(Texts);

    public IReadOnlyDictionary<string, string> Texts => LocalText.Of(Key, Subjects.Cast<object?>().ToArray());

    public override string ToString() => English;
}
