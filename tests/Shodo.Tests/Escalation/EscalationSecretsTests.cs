using System.IO.Compression;
using System.Text;
using Shodo.Cases;
using Shodo.Escalation.Loop;
using Shodo.Escalation.Notices;
using Shodo.Drill.Rehearsal;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Escalation;

/// <summary>"No secret from the configuration appears in the case folder": checked like an auditor, by searching every file.</summary>
public sealed class EscalationSecretsTests
{
    [Fact]
    public async Task After_sends_failures_retries_milestones_and_ack_no_configured_secret_is_anywhere_in_the_case_folder()
    {
        await using var receiver = RehearsalReceiver.Start();
        await using var smtp = new SmtpTestServer("shodo@example.com", "Smtp-Passw0rd-For-Shodo");
        receiver.FailNext("teams/workflows/abc", 1);
        var env = new Dictionary<string, string>
        {
            ["SLACK_URL"] = $"{receiver.SlackUrl}/T0SECRET/B0SECRET/sl4ckT0kenSecretValue",
            ["PD_KEY"] = "pdR0utingKeySecretValue1234567890",
            ["HMAC"] = "hmacSigningSecretValue-0987",
            ["SMTP_PASSWORD"] = "Smtp-Passw0rd-For-Shodo",
            ["TEAMS_SIG"] = "teamsSignatureSecretValueXYZ",
        };
        var refused = RehearsalReceiver.FreePort();
        var settings = EscalationSamples.Settings($$"""
            escalation:
              smtp:
                host: 127.0.0.1
                port: {{smtp.Port}}
                username: shodo@example.com
                password: ${SMTP_PASSWORD}
                from: shodo@example.com
                certificate_sha256: {{smtp.CertificateSha256}}
              levels:
                - name: on-call
                  repeat: 1h
                  targets:
                    - name: Alice
                      channels:
                        - {kind: slack, webhook_url_env: SLACK_URL}
                        - {kind: teams, webhook_url: "{{receiver.BaseUrl}}teams/workflows/abc?sig=${TEAMS_SIG}&sp=/triggers"}
                        - {kind: pagerduty, routing_key_env: PD_KEY, endpoint: "{{receiver.PagerDutyUrl}}"}
                        - {kind: webhook, url: "http://127.0.0.1:{{refused}}/hook?token=${HMAC}", hmac_secret_env: HMAC}
                        - {kind: email, to: alice@example.com}
            """, env);
        Assert.True(settings.Secrets.Count >= env.Count);
        using var root = new TempFolder();
        string dir;
        using (var @case = Case.Open(root.Path))
        {
            dir = @case.Directory;
            await using var loop = new EscalationLoop(@case, settings, new EscalationOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(100), MaxAttempts = 2 });
            await loop.StartAsync(EscalationSamples.Facts(@case.Manifest.Id));
            await loop.NotifyMilestoneAsync(Milestone.Contained, EscalationSamples.Facts(@case.Manifest.Id) with { Details = ["3 actions done"] });
            await loop.AcknowledgeAsync("Bob", "api");
            await loop.DrainAsync(TimeSpan.FromSeconds(20));
        }

        Assert.Equal(3, smtp.Received.Count(m => m.User == "shodo@example.com"));   // alert, milestone, acknowledged
        Assert.Contains(receiver.Received, r => r.Path == "v2/enqueue" && (string)r.Json!["event_action"]! == "resolve");
        var journal = File.ReadAllText(Path.Combine(dir, "journal.jsonl"));
        Assert.Contains("escalation.failed", journal);
        Assert.Contains("connection refused", journal);

        foreach (var file in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var text = Encoding.UTF8.GetString(file.EndsWith(".gz") ? Gunzip(bytes) : bytes);
            foreach (var secret in env.Values.Append("/T0SECRET/B0SECRET").Append("sig="))
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{Path.GetRelativePath(dir, file)} contains '{secret}'");
        }
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var m = new MemoryStream();
        gz.CopyTo(m);
        return m.ToArray();
    }
}
