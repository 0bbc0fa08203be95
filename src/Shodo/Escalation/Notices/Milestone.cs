namespace Shodo.Escalation.Notices;

/// <summary>The moments of a response everyone notified hears about (<see cref="Loop.EscalationLoop.NotifyMilestoneAsync"/>).</summary>
public enum Milestone
{
    /// <summary>The account's state was recorded before any change.</summary>
    EvidenceCaptured,
    /// <summary>A containment plan is ready and waits for a human to approve it.</summary>
    PlanAwaitingApproval,
    /// <summary>Every planned containment action is done and verified.</summary>
    Contained,
    /// <summary>Something could not be contained: a human decision is needed.</summary>
    NotContained,
    /// <summary>With no key to start from, triage found identities showing signs of compromise: a person must confirm one.</summary>
    CandidatesFound,
    /// <summary>Every action's after-state holds, but something still runs or waits for a person, or events could not be read.</summary>
    PartlyContained,
}

public static class MilestoneNames
{
    /// <summary>The stable name used in journal data and the generic webhook body.</summary>
    public static string Name(this Milestone milestone) => milestone switch
    {
        Milestone.EvidenceCaptured => "evidence-captured",
        Milestone.PlanAwaitingApproval => "plan-awaiting-approval",
        Milestone.Contained => "contained",
        Milestone.NotContained => "not-contained",
        Milestone.CandidatesFound => "candidates-found",
        Milestone.PartlyContained => "partly-contained",
        _ => throw new ArgumentOutOfRangeException(nameof(milestone)),
    };
}
