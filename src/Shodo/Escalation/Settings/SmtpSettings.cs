namespace Shodo.Escalation.Settings;

/// <summary>How e-mail leaves: the <c>escalation.smtp:</c> block every <c>email</c> channel uses.</summary>
public sealed record SmtpSettings(
    string Host,
    int Port,
    SmtpSecurity Security,
    string? Username,
    string? Password,
    string From,
    string? CertificateSha256);

/// <summary><c>starttls</c> (default; port 587), <c>tls</c> (implicit TLS; port 465), <c>none</c> (loopback relays only).</summary>
public enum SmtpSecurity { StartTls, Tls, None }
