namespace Shodo.Containment.Actions;

/// <summary>
/// An action reached what only a person can decide (no deny fits the principal, a role only AWS can modify): the apply
/// records the action as needs-decision with this sentence, which says what can be done and how, and escalates it.
/// </summary>
public sealed class DecisionNeededException(string message) : NotSupportedException(message);
