using Shodo.Configuration;
using Shodo.Drill.Rehearsal;

namespace Shodo.Drill;

/// <summary>
/// The drill's escalation chain, written as the configuration a team would write, pointing at the
/// local <see cref="RehearsalReceiver"/>: an on-call engineer (Slack and a webhook) at once, a
/// manager (Teams) when nobody has acknowledged after ten seconds. The receiver acknowledges as
/// the on-call engineer after a delay, so the chain is visible in the journal and the report (the
/// drill waits for it however fast the response was). The drill's organisation also wrote an
/// authority policy in advance that lets the responder isolate what cannot be stopped and cancel
/// what would relaunch instances, and close the doors to the data the attacker opened (close-data-door), besides the defaults;
/// it also approves in advance the one destructive step, revoking a KMS grant the attacker created for another account
/// (revoke-kms-grant: it cannot be undone, and is counted apart, in approved_destructive_steps).
/// </summary>
public static class DrillEscalation
{
    public static readonly TimeSpan AcknowledgeAfter = TimeSpan.FromSeconds(15);
    public const string AcknowledgedBy = "on-call engineer (drill)";

    /// <summary>The drill organisation's authority policy, as it would stand in shodo.yaml.</summary>
    public const string Authority = """
        authority:
          responder: [deactivate-access-keys, attach-deny-policy, stop-instance, isolate-instance, cancel-spot-request, cancel-spot-fleet, close-data-door, revoke-kms-grant]
        """;

    /// <summary>
    /// The drill organisation's policy for a blind account: the same, and contain-suspected (what the recorded state
    /// strongly suggests is the attacker's while events cannot be read is contained, not left running).
    /// </summary>
    public const string BlindAuthority = """
        authority:
          responder: [deactivate-access-keys, attach-deny-policy, stop-instance, isolate-instance, cancel-spot-request, cancel-spot-fleet, contain-suspected, close-data-door, revoke-kms-grant]
        """;

    /// <summary>
    /// The drill organisation's policy when the leaked key is its management account's: the same, and deny-by-scp (the
    /// organisation's lever over the attacker's principals in the member accounts, the one lever over sessions a member's
    /// own policies cannot cut).
    /// </summary>
    public const string OrganizationAuthority = """
        authority:
          responder: [deactivate-access-keys, attach-deny-policy, stop-instance, isolate-instance, cancel-spot-request, cancel-spot-fleet, close-data-door, revoke-kms-grant, deny-by-scp]
        """;

    /// <summary>
    /// The authority policy the drill uses for a scenario: <see cref="BlindAuthority"/> for leaked-key-blind,
    /// <see cref="OrganizationAuthority"/> for org-pivot.
    /// </summary>
    public static string AuthorityFor(string? scenario) => scenario switch
    {
        "leaked-key-blind" => BlindAuthority,
        "org-pivot" => OrganizationAuthority,
        _ => Authority,
    };

    public static ShodoConfiguration Configuration(RehearsalReceiver receiver, string language, string? scenario = null) =>
        ShodoConfiguration.Parse("(drill)", AuthorityFor(scenario) + "\n" + $"""
            escalation:
              decided_by: "the incident commander of this drill"
              levels:
                - name: on-call
                  after: 0s
                  repeat: 20s
                  targets:
                    - name: On-call engineer
                      language: {language}
                      channels:
                        - {"{"}kind: slack, webhook_url: "{receiver.SlackUrl}"{"}"}
                        - {"{"}kind: webhook, url: "{receiver.WebhookUrl}"{"}"}
                - name: manager
                  after: 10s
                  repeat: 30s
                  targets:
                    - name: Engineering manager
                      language: {language}
                      channels:
                        - {"{"}kind: teams, webhook_url: "{receiver.TeamsUrl}"{"}"}
            """);
}
