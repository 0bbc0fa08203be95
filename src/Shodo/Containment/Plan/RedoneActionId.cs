namespace Shodo.Containment.Plan;

/// <summary>
/// The id of an action planned again after it was done and undone by the attacker: <c>ACTION/TARGET</c> the first time,
/// then <c>ACTION/TARGET#2</c>, <c>#3</c>... — a new action with its own before-state, change and outcome in the journal,
/// so what was done before stays recorded as it was. The first id not yet done is reused (a resumed plan repeats nothing).
/// </summary>
public static class RedoneActionId
{
    public static string Next(string id, IReadOnlySet<string> done)
    {
        if (!done.Contains(id)) return id;
        for (var n = 2; ; n++)
            if (!done.Contains($"{id}#{n}")) return $"{id}#{n}";
    }

    /// <summary>The id of the last of these actions done (<c>ID</c>, <c>ID#2</c>...), or <paramref name="id"/> when none was.</summary>
    public static string LastDone(string id, IReadOnlySet<string> done)
    {
        var next = Next(id, done);
        return next == id ? id : next.EndsWith("#2", StringComparison.Ordinal) ? id : $"{id}#{int.Parse(next[(next.LastIndexOf('#') + 1)..], System.Globalization.CultureInfo.InvariantCulture) - 1}";
    }
}
