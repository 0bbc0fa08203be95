using Shodo.Escalation.Channels;
using Shodo.Escalation.Notices;

namespace Shodo.Tests.Escalation;

/// <summary>The e-mail channel against a real SMTP server on loopback: STARTTLS, then AUTH, then one message.</summary>
public sealed class EmailChannelTests
{
    private const string Password = "smtp-pass-Xy7!q9Lm2";

    private static IEscalationChannel Channel(SmtpTestServer server, string pin, string language = "ja", string security = "starttls") =>
        EscalationSamples.Settings($$"""
            escalation:
              smtp:
                host: 127.0.0.1
                port: {{server.Port}}
                security: {{security}}
                username: shodo@example.com
                password_env: SMTP_PASSWORD
                from: Shodo <shodo@example.com>
                certificate_sha256: {{pin}}
              levels:
                - name: on-call
                  repeat: 5m
                  targets:
                    - name: Hanako
                      language: {{language}}
                      channels:
                        - kind: email
                          to: [hanako@example.com, oncall@example.com]
            """, new Dictionary<string, string> { ["SMTP_PASSWORD"] = Password })
            .Levels[0].Targets[0].Channels[0].Create(EscalationSamples.Services(new HttpClient()));

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    public async Task Mail_goes_over_STARTTLS_with_authentication_to_every_recipient(string mechanism)
    {
        await using var server = new SmtpTestServer("shodo@example.com", Password, mechanism);
        var channel = Channel(server, server.CertificateSha256);

        await channel.SendAsync(EscalationSamples.Notice(NoticeEvent.Alert, "ja"), default);

        var mail = Assert.Single(server.Received);
        Assert.True(mail.OverTls);
        Assert.Equal("shodo@example.com", mail.User);
        Assert.Equal(mechanism, mail.Mechanism);
        Assert.Equal("shodo@example.com", mail.From);
        Assert.Equal(["hanako@example.com", "oncall@example.com"], mail.To);
        var message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data)));
        Assert.Contains("AWS アカウント 123456789012", message.Subject);
        Assert.Contains(EscalationSamples.CaseId, message.Subject);
        Assert.Equal("ja", message.Body!.Headers["Content-Language"]);
        Assert.Contains($"shodo ack {EscalationSamples.CaseId} --by", message.TextBody);
        Assert.Contains("アクセスキー AKIAIOSFODNN7EXAMPLE", message.TextBody);
    }

    [Fact]
    public async Task A_relay_whose_certificate_does_not_match_the_pin_gets_nothing_and_no_password()
    {
        await using var server = new SmtpTestServer("shodo@example.com", Password);
        var channel = Channel(server, new string('0', 64));

        var failure = await Assert.ThrowsAsync<ChannelFailure>(() => channel.SendAsync(EscalationSamples.Notice(NoticeEvent.Alert), default));

        Assert.Contains("TLS", failure.Message);
        Assert.False(failure.Retryable);
        Assert.Empty(server.Received);
        Assert.Empty(server.FailedLogins);
    }

    [Fact]
    public async Task A_wrong_password_is_a_failure_that_is_not_retried_and_does_not_quote_the_password()
    {
        await using var server = new SmtpTestServer("shodo@example.com", "another-password");
        var channel = Channel(server, server.CertificateSha256);

        var failure = await Assert.ThrowsAsync<ChannelFailure>(() => channel.SendAsync(EscalationSamples.Notice(NoticeEvent.Alert), default));

        Assert.Equal("SMTP authentication failed", failure.Message);
        Assert.False(failure.Retryable);
        Assert.Empty(server.Received);
    }

    [Fact]
    public void Plain_SMTP_to_a_host_that_is_not_this_machine_is_refused_by_the_configuration()
    {
        var e = Assert.Throws<Shodo.Diagnostics.ShodoException>(() => EscalationSamples.Settings("""
            escalation:
              smtp: {host: mail.example.com, security: none, from: shodo@example.com}
              levels:
                - name: on-call
                  repeat: 5m
                  targets:
                    - name: Hanako
                      channels:
                        - {kind: email, to: hanako@example.com}
            """));
        Assert.Contains("shodo.yaml:9", e.Diagnostic.Summary);
        Assert.Contains("mail.example.com", e.Diagnostic.Summary);
    }
}
