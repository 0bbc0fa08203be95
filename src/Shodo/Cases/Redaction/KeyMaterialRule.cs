namespace Shodo.Cases.Redaction;

/// <summary>
/// EC2 CreateKeyPair's private key (<c>keyMaterial</c> in the XML, <c>KeyMaterial</c> in SDK JSON).
/// ImportKeyPair's <c>PublicKeyMaterial</c> is a public key, and evidence, so it is kept.
/// </summary>
public sealed class KeyMaterialRule : IRedactionRule
{
    public IReadOnlyList<string> SecretFields { get; } = ["KeyMaterial"];
}
