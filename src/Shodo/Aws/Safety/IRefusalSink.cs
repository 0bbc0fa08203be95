namespace Shodo.Aws.Safety;

/// <summary>
/// Told about every call the interlock refused, before the refusal is thrown. The case journal
/// implements it so each refusal leaves a record; <see cref="NoRefusalSink"/> is for no case.
/// </summary>
public interface IRefusalSink
{
    void Record(RefusedCall call);
}

/// <summary>A refused call: what, where, when and why it was not sent.</summary>
public sealed record RefusedCall(AwsOperation Operation, string Region, DateTimeOffset At, string Reason);

public sealed class NoRefusalSink : IRefusalSink
{
    public static NoRefusalSink Instance { get; } = new();
    public void Record(RefusedCall call) { }
}
