using Shodo.Cases;
using Shodo.Escalation;

namespace Shodo.Escalation.Record;

/// <summary>Reads escalation.sent / escalation.failed / escalation.acknowledged from the journal.</summary>
internal static class EscalationReader
{
    public static EscalationLog Read(IEnumerable<JournalEntry> journal)
    {
        var sent = new List<EscalationMessage>();
        var failed = new List<EscalationMessage>();
        EscalationAcknowledgement? ack = null;
        foreach (var e in journal)
        {
            switch (e.Kind)
            {
                case EscalationJournalKinds.Sent:
                    sent.Add(Message(e, null));
                    break;
                case EscalationJournalKinds.Failed:
                    failed.Add(Message(e, JsonFields.Text(e.Data, "error")));
                    break;
                case EscalationJournalKinds.Acknowledged:
                    ack ??= new EscalationAcknowledgement(e.Time, JsonFields.Text(e.Data, "by"), JsonFields.Text(e.Data, "via"));
                    break;
            }
        }
        return new EscalationLog(sent, failed, ack);
    }

    private static EscalationMessage Message(JournalEntry e, string? error) => new(
        e.Time, JsonFields.Text(e.Data, "level"), JsonFields.Text(e.Data, "target"), JsonFields.Text(e.Data, "channel"),
        JsonFields.Integer(e.Data, "attempt"), error);
}
