namespace Shodo.Containment.Plan;

/// <summary>Who may apply an action: the responder alone, or only with an approver's recorded approval.</summary>
public enum AuthorityLevel { Responder, Approver }
