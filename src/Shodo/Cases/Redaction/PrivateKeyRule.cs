using System.Text.RegularExpressions;

namespace Shodo.Cases.Redaction;

/// <summary>
/// Private keys anywhere: <c>PrivateKey</c> fields (IAM UploadServerCertificate, ACM) and every
/// PEM block <c>-----BEGIN ... PRIVATE KEY-----</c> ... <c>-----END ... PRIVATE KEY-----</c> in free text,
/// including a block cut off before its END line. The BEGIN and END lines are kept so a reader sees
/// that a private key was there.
/// </summary>
public sealed partial class PrivateKeyRule : IRedactionRule
{
    public IReadOnlyList<string> SecretFields { get; } = ["PrivateKey"];

    public IReadOnlyList<string> TextTriggers { get; } = ["PRIVATE KEY"];

    public Redacted<string> RedactText(string text)
    {
        var count = 0;
        var result = PemBlock().Replace(text, m =>
        {
            if (m.Groups["body"].Value == Redactor.Marker) return m.Value;
            count++;
            return m.Groups["begin"].Value + Redactor.Marker + m.Groups["end"].Value;
        });
        return new(result, count);
    }

    [GeneratedRegex(@"(?<begin>-----BEGIN (?<type>[A-Z0-9 ]*?)PRIVATE KEY-----)(?<body>.*?)(?<end>-----END \k<type>PRIVATE KEY-----|\z)",
        RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex PemBlock();
}
