namespace Shodo.Investigation.Triage;

/// <summary>One sign of compromise from the playbook: a small registered class in <see cref="SignDetectors"/>.</summary>
public interface ISignDetector
{
    /// <summary>The <see cref="SignKinds"/> this detector reports.</summary>
    string Kind { get; }

    IEnumerable<Sign> Detect(TriageContext context);
}
