namespace Shodo.Range.Adversary;

/// <summary>A credential the adversary holds, and the address and tool it uses it from.</summary>
public sealed record HeldCredential(RangeCredentials Credentials, string SourceIp, string UserAgent)
{
    public bool IsTemporary => Credentials.SessionToken is not null;
}
