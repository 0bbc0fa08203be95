using System.Net.Http.Headers;
using System.Text.Json;
using Shodo.Aws.Errors;

namespace Shodo.Aws.Protocols;

/// <summary>
/// Reads JSON 1.1 errors: <c>{"__type": "prefix#Code", "message": "..."}</c> (also <c>Message</c>),
/// or the <c>x-amzn-ErrorType</c> header (<c>Code:http://...</c>). The code is what follows the
/// last <c>#</c> and precedes any <c>:</c>, as botocore does.
/// </summary>
public sealed class JsonErrorReader : IErrorReader
{
    public static JsonErrorReader Instance { get; } = new();

    public AwsServiceError Read(AwsOperation operation, int status, byte[] body, string? headerRequestId, HttpResponseHeaders headers)
    {
        string? type = null, message = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            type = doc.RootElement.Text("__type") ?? doc.RootElement.Text("code");
            message = doc.RootElement.Text("message") ?? doc.RootElement.Text("Message");
        }
        catch (JsonException) { }
        if (type is null && headers.TryGetValues("x-amzn-ErrorType", out var values)) type = values.FirstOrDefault();
        var code = type is null ? IErrorReader.CodeForStatus(status) : Code(type);
        return new AwsServiceError(operation.Service, operation.Name, code,
            message ?? $"HTTP {status}", headerRequestId, status);
    }

    public static string Code(string type)
    {
        var code = type[(type.LastIndexOf('#') + 1)..];
        var colon = code.IndexOf(':');
        return colon >= 0 ? code[..colon] : code;
    }
}
