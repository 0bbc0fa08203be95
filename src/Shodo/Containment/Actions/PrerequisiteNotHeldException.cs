using Shodo.Localization;

namespace Shodo.Containment.Actions;

/// <summary>
/// An action whose change must wait for another action's after-state (a persistent Spot request is cancelled only once its
/// instance's stop has held): it sends nothing, and the apply records it failed with this sentence (in every report
/// language). A failed action is not final: the next apply tries it again, and gets further once the prerequisite held
/// (whether trying again is worth it is the prerequisite's own outcome, so this failure is not marked retryable).
/// </summary>
public sealed class PrerequisiteNotHeldException(string messageKey, params object[] args) : Exception(Messages.Get(messageKey, args))
{
    public IReadOnlyDictionary<string, string> Reasons { get; } = LocalText.Of(messageKey, args);
}
