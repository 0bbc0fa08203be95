namespace Shodo.Range.State.Iam;

public sealed record MfaDevice(string SerialNumber, DateTimeOffset EnableDate);
