using Shodo.Range.Tests.Infrastructure;
using System.Text;
using System.Text.Json;
using Shodo.Range.Auth;

namespace Shodo.Range.Tests.Auth;

/// <summary>
/// The AWS SigV4 test suite (shared/testdata/sigv4/v4): for every case, the range's server-side
/// verification of the signed request (header and presigned variants) must produce exactly the
/// suite's canonical request, string to sign and signature. Cases with "normalize": false are the
/// S3 rules (no path normalisation, no double encoding).
/// </summary>
public sealed class SigV4SuiteTests
{
    private static readonly string Root = FindSuite();

    public static IEnumerable<object[]> Cases() =>
        Directory.GetDirectories(Root).Select(Path.GetFileName).Order()
            .SelectMany(name => new[] { new object[] { name!, "header" }, [name!, "query"] });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Server_side_verification_reproduces_the_suite(string name, string variant)
    {
        var dir = Path.Combine(Root, name);
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "context.json")));
        var c = context.RootElement;
        var secret = c.GetProperty("credentials").GetProperty("secret_access_key").GetString()!;
        var normalize = c.GetProperty("normalize").GetBoolean();

        var request = ParseRequest(File.ReadAllText(Path.Combine(dir, $"{variant}-signed-request.txt")));
        string? Header(string h) => request.Header(h);
        string? Query(string q) => QueryValue(request.RawQuery, q);
        var signature = SignatureInfo.Read(Header, Query);
        Assert.NotNull(signature);
        Assert.Equal(variant == "query", signature.Presigned);

        var tokenAfter = variant == "query" && c.TryGetProperty("omit_session_token", out var omit) && omit.GetBoolean();
        var computed = SigV4Verification.Compute(signature, request, secret, s3Style: !normalize, tokenAddedAfterSigning: tokenAfter);

        Assert.Equal(Read(dir, $"{variant}-canonical-request.txt"), computed.CanonicalRequest);
        Assert.Equal(Read(dir, $"{variant}-string-to-sign.txt"), computed.StringToSign);
        Assert.Equal(Read(dir, $"{variant}-signature.txt"), computed.Signature);
        Assert.Equal(computed.Signature, signature.Signature);
    }

    /// <summary>Parses the suite's HTTP text: request line, headers (with folded continuation lines), body.</summary>
    private static SignedRequest ParseRequest(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var first = lines[0];
        var method = first[..first.IndexOf(' ')];
        var target = first[(method.Length + 1)..first.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var headers = new List<KeyValuePair<string, string>>();
        var i = 1;
        for (; i < lines.Length && lines[i].Length > 0; i++)
        {
            if (char.IsWhiteSpace(lines[i][0]) && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + "\n" + lines[i]);
                continue;
            }
            var colon = lines[i].IndexOf(':');
            headers.Add(new(lines[i][..colon], lines[i][(colon + 1)..]));
        }
        var body = i + 1 < lines.Length ? string.Join('\n', lines[(i + 1)..]) : "";
        var q = target.IndexOf('?');
        return new SignedRequest(method, q < 0 ? target : target[..q], q < 0 ? "" : target[(q + 1)..], headers,
            Encoding.UTF8.GetBytes(body));
    }

    private static string? QueryValue(string rawQuery, string name)
    {
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (Uri.UnescapeDataString(eq < 0 ? part : part[..eq]) == name)
                return eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..]);
        }
        return null;
    }

    private static string Read(string dir, string file) => File.ReadAllText(Path.Combine(dir, file)).Replace("\r\n", "\n");

    private static string FindSuite() =>
        Environment.GetEnvironmentVariable("SHODO_SIGV4_SUITE") is { Length: > 0 } configured
            ? configured
            : SharedTestData.PathTo("sigv4", "v4");
}
