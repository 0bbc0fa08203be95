using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Shodo.Tests.Escalation;

/// <summary>
/// A tiny SMTP server on loopback for the e-mail channel's tests (RFC 5321 subset): EHLO, STARTTLS
/// (RFC 3207) with a self-signed certificate, AUTH PLAIN and LOGIN (RFC 4954) offered only after
/// TLS, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT. It records every message and how it
/// was delivered (TLS or not, who authenticated).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accept;

    public SmtpTestServer(string username, string password, string mechanisms = "PLAIN LOGIN")
    {
        Username = username;
        Password = password;
        Mechanisms = mechanisms;
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=smtp.test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        _listener.Start();
        _accept = Task.Run(AcceptAsync);
    }

    public string Username { get; }
    public string Password { get; }
    public string Mechanisms { get; }
    public X509Certificate2 Certificate { get; }
    public string CertificateSha256 => Convert.ToHexStringLower(SHA256.HashData(Certificate.RawData));
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public ConcurrentQueue<SmtpReceived> Received { get; } = new();
    public ConcurrentQueue<string> FailedLogins { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try { await SessionAsync(client.GetStream()); }
                    catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or System.Security.Authentication.AuthenticationException) { }
                }
            });
        }
    }

    private async Task SessionAsync(Stream stream)
    {
        var tls = false;
        string? user = null, mechanism = null, from = null;
        var to = new List<string>();
        await Write(stream, "220 smtp.test ESMTP ready");
        while (true)
        {
            var line = await ReadLine(stream);
            if (line is null) return;
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            var arg = line.Length > verb.Length ? line[(verb.Length + 1)..] : "";
            switch (verb)
            {
                case "EHLO":
                    await Write(stream, tls ? $"250-smtp.test\r\n250-AUTH {Mechanisms}\r\n250 8BITMIME" : "250-smtp.test\r\n250-STARTTLS\r\n250 8BITMIME");
                    break;
                case "HELO":
                    await Write(stream, "250 smtp.test");
                    break;
                case "STARTTLS" when !tls:
                    await Write(stream, "220 2.0.0 Ready to start TLS");
                    var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                    await ssl.AuthenticateAsServerAsync(Certificate);
                    stream = ssl;
                    tls = true;
                    break;
                case "AUTH" when tls:
                    var parts = arg.Split(' ');
                    mechanism = parts[0].ToUpperInvariant();
                    string? u = null, p = null;
                    if (mechanism == "PLAIN" && Mechanisms.Contains("PLAIN"))
                    {
                        var initial = parts.Length > 1 ? parts[1] : await Challenge(stream, "");
                        var fields = Encoding.UTF8.GetString(Convert.FromBase64String(initial ?? "")).Split('\0');
                        if (fields.Length == 3) (u, p) = (fields[1], fields[2]);
                    }
                    else if (mechanism == "LOGIN" && Mechanisms.Contains("LOGIN"))
                    {
                        u = Decode(parts.Length > 1 ? parts[1] : await Challenge(stream, "VXNlcm5hbWU6"));
                        p = Decode(await Challenge(stream, "UGFzc3dvcmQ6"));
                    }
                    else
                    {
                        await Write(stream, "504 5.5.4 Unrecognized authentication type");
                        break;
                    }
                    if (u == Username && p == Password)
                    {
                        user = u;
                        await Write(stream, "235 2.7.0 Authentication successful");
                    }
                    else
                    {
                        FailedLogins.Enqueue(u ?? "");
                        await Write(stream, "535 5.7.8 Authentication credentials invalid");
                    }
                    break;
                case "MAIL":
                    if (user is null) { await Write(stream, "530 5.7.0 Authentication required"); break; }
                    from = Address(arg);
                    to.Clear();
                    await Write(stream, "250 2.1.0 OK");
                    break;
                case "RCPT":
                    to.Add(Address(arg));
                    await Write(stream, "250 2.1.5 OK");
                    break;
                case "DATA":
                    await Write(stream, "354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await ReadLine(stream) is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    Received.Enqueue(new SmtpReceived(from ?? "", [.. to], data.ToString(), tls, user, mechanism));
                    await Write(stream, "250 2.0.0 OK queued");
                    break;
                case "RSET":
                case "NOOP":
                    await Write(stream, "250 2.0.0 OK");
                    break;
                case "QUIT":
                    await Write(stream, "221 2.0.0 Bye");
                    return;
                default:
                    await Write(stream, "502 5.5.2 Command not recognized");
                    break;
            }
        }
    }

    private static async Task<string?> Challenge(Stream stream, string prompt)
    {
        await Write(stream, "334 " + prompt);
        return await ReadLine(stream);
    }

    private static string? Decode(string? base64) => base64 is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    private static string Address(string arg)
    {
        var start = arg.IndexOf('<');
        var end = arg.IndexOf('>');
        return start >= 0 && end > start ? arg[(start + 1)..end] : arg;
    }

    private static async Task Write(Stream stream, string text)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text + "\r\n"));
        await stream.FlushAsync();
    }

    /// <summary>Reads one CRLF-terminated line byte by byte, so nothing past it is buffered before STARTTLS.</summary>
    private static async Task<string?> ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0) return bytes.Count == 0 ? null : Encoding.UTF8.GetString([.. bytes]);
            if (one[0] == '\n') break;
            bytes.Add(one[0]);
        }
        if (bytes.Count > 0 && bytes[^1] == '\r') bytes.RemoveAt(bytes.Count - 1);
        return Encoding.UTF8.GetString([.. bytes]);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _accept; } catch (Exception) { }
        Certificate.Dispose();
        _stop.Dispose();
    }
}

/// <summary>One message the test server accepted.</summary>
public sealed record SmtpReceived(string From, IReadOnlyList<string> To, string Data, bool OverTls, string? User, string? Mechanism);
