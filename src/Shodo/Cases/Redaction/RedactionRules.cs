namespace Shodo.Cases.Redaction;

/// <summary>Every redaction rule Shodo applies before anything is written. One line per rule.</summary>
public static class RedactionRules
{
    public static IReadOnlyList<IRedactionRule> All { get; } =
    [
        new SecretAccessKeyRule(),
        new SessionTokenRule(),
        new PasswordRule(),
        new KeyMaterialRule(),
        new PrivateKeyRule(),
        new CredentialTokenRule(),
    ];
}
