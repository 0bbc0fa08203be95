using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Shodo.Escalation.Notices;
using Shodo.Escalation.Settings;
using YamlDotNet.RepresentationModel;

namespace Shodo.Escalation.Channels;

/// <summary>
/// E-mail over SMTP (MailKit) through the shared <c>escalation.smtp:</c> relay: STARTTLS by default
/// (implicit TLS or, for a relay on this machine only, none), authentication when a username is set,
/// and optionally the relay's certificate pinned by SHA-256 (<c>certificate_sha256</c>) for internal
/// relays with their own certificate. One plain-text message per notice, in the target's language.
/// <code>- kind: email
///   to: [alice@example.com, oncall@example.com]</code>
/// </summary>
public sealed class EmailChannel(EmailChannel.Settings settings, ChannelServices services) : IEscalationChannel
{
    public const string KindName = "email";

    public sealed record Settings(IReadOnlyList<string> To, SmtpSettings Smtp) : IChannelSettings
    {
        public string Kind => KindName;
        public string Host => Smtp.Host;
        public IEscalationChannel Create(ChannelServices services) => new EmailChannel(this, services);
    }

    public static IChannelSettings Read(ChannelYaml yaml, ChannelReadContext context)
    {
        var smtp = context.Smtp ?? throw yaml.Error(Localization.Messages.Get("EscalationConfigNoSmtp"));
        if (smtp.Security == SmtpSecurity.None && !IsLoopback(smtp.Host))
            throw yaml.Error(Localization.Messages.Get("EscalationConfigSmtpPlain", smtp.Host));
        var to = yaml.Child("to") switch
        {
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
            YamlScalarNode one => [one.Value ?? ""],
            _ => throw yaml.Error(Localization.Messages.Get("EscalationConfigMissing", "to")),
        };
        foreach (var address in to)
            if (!MailboxAddress.TryParse(address, out _) || !address.Contains('@'))
                throw yaml.Error(yaml.Child("to")!, Localization.Messages.Get("EscalationConfigBadAddress", address));
        return new Settings(to, smtp);
    }

    public string Kind => KindName;
    public string Host => settings.Smtp.Host;

    public async Task SendAsync(Notice notice, CancellationToken ct)
    {
        var smtp = settings.Smtp;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(services.AttemptTimeout);
        using var client = new SmtpClient { Timeout = (int)services.AttemptTimeout.TotalMilliseconds };
        if (smtp.CertificateSha256 is { } pin)
        {
            client.CheckCertificateRevocation = false;
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || certificate is not null && Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData())) == pin;
        }
        try
        {
            var options = smtp.Security switch
            {
                SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host, smtp.Port, options, timeout.Token).ConfigureAwait(false);
            if (smtp.Username is not null)
                await client.AuthenticateAsync(new NetworkCredential(smtp.Username, smtp.Password), timeout.Token).ConfigureAwait(false);
            await client.SendAsync(Message(notice, smtp.From, settings.To), timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(true, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ChannelFailure($"timeout after {services.AttemptTimeout.TotalSeconds:0}s", true, e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ChannelFailure)
        {
            throw Describe(e);
        }
    }

    public static MimeMessage Message(Notice notice, string from, IEnumerable<string> to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var address in to) message.To.Add(MailboxAddress.Parse(address));
        message.Subject = MessageEscaping.Plain(notice.Text.Subject).Replace('\n', ' ');
        message.Headers.Add("X-Shodo-Case", notice.Facts.CaseId);
        var body = new TextPart("plain") { Text = MessageEscaping.Plain(notice.Text.Plain) + "\n" };
        body.Headers.Add(HeaderId.ContentLanguage, notice.Target.Language);
        message.Body = body;
        return message;
    }

    private static ChannelFailure Describe(Exception e) => e switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => new("connection refused", true, e),
        SocketException s => new($"network error ({s.SocketErrorCode})", true, e),
        SslHandshakeException => new("TLS handshake failed (certificate not trusted or TLS unavailable)", false, e),
        AuthenticationException => new("SMTP authentication failed", false, e),
        SmtpCommandException c => new($"SMTP {(int)c.StatusCode} refused {c.ErrorCode}", (int)c.StatusCode < 500, e),
        NotSupportedException => new("the SMTP server does not offer STARTTLS", false, e),
        SmtpProtocolException => new("SMTP protocol error", true, e),
        IOException => new("connection closed", true, e),
        _ => new($"SMTP failure ({e.GetType().Name})", true, e),
    };

    private static bool IsLoopback(string host) =>
        host == "localhost" || IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
}
