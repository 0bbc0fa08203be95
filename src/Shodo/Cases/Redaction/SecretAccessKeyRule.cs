using System.Text.RegularExpressions;

namespace Shodo.Cases.Redaction;

/// <summary>
/// AWS secret access keys: IAM CreateAccessKey's <c>SecretAccessKey</c>, STS and SSO credentials,
/// <c>aws_secret_access_key = ...</c> in credentials files, and a 40-character secret-looking value
/// right after an access key id (credentials CSV) or a "secret key" label. Access key ids are kept:
/// they identify the key, they do not grant access.
/// </summary>
public sealed partial class SecretAccessKeyRule : IRedactionRule
{
    public IReadOnlyList<string> SecretFields { get; } =
        ["SecretAccessKey", "AwsSecretAccessKey", "SecretKey"];

    public IReadOnlyList<string> TextTriggers { get; } = ["AKIA", "ASIA", "secret"];

    public Redacted<string> RedactText(string text)
    {
        var count = 0;
        text = AfterAccessKeyId().Replace(text, m => Replace(m, ref count));
        text = AfterSecretLabel().Replace(text, m => Replace(m, ref count));
        return new(text, count);
    }

    private static string Replace(Match m, ref int count)
    {
        count++;
        var v = m.Groups["v"];
        return m.Value[..(v.Index - m.Index)] + Redactor.Marker;
    }

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b[""']?\s*[,;:|/\s]\s*[""']?(?<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])")]
    private static partial Regex AfterAccessKeyId();

    [GeneratedRegex(@"secret[ _\-]?(?:access[ _\-]?)?key\W{1,6}(?<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterSecretLabel();
}
