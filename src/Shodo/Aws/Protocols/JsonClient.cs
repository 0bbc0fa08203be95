using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Aws.Protocols;

/// <summary>
/// The JSON 1.1 protocol engine (CloudTrail, ...): POST with <c>X-Amz-Target: Prefix.Operation</c>
/// and <c>Content-Type: application/x-amz-json-1.1</c>, JSON answer, <c>__type</c> errors,
/// <c>NextToken</c> paging. One instance per service and region.
/// </summary>
public sealed class JsonClient(AwsTransport transport, AwsServiceModel service, ServiceEndpoint endpoint)
{
    private static readonly MediaTypeHeaderValue ContentType = new("application/x-amz-json-1.1");
    private static readonly MediaTypeHeaderValue RestJsonContentType = new("application/json");

    public AwsServiceModel Service { get; } = service;
    public ServiceEndpoint Endpoint { get; } = endpoint;
    public string Region => Endpoint.SigningRegion;

    public async Task<TResult> SendAsync<TResult>(JsonCall<TResult> call, CancellationToken ct = default) =>
        (await AnswerAsync(call, ct)).Result;

    public async Task<AwsAnswer<TResult>> AnswerAsync<TResult>(JsonCall<TResult> call, CancellationToken ct = default)
    {
        var body = new JsonObject();
        call.Write(body);
        var (result, raw, requestId) = await SendAsync(call.Operation, body, ct);
        return new AwsAnswer<TResult>(call.Read(result), raw, requestId);
    }

    /// <summary>Every page, passing each answer's NextToken back until there is none.</summary>
    public async IAsyncEnumerable<AwsPage<TItem>> PagesAsync<TItem>(JsonPagedCall<TItem> call,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        string? token = null;
        for (var number = 1; ; number++)
        {
            var page = await PageAsync(call, token, number, ct);
            yield return page;
            token = page.NextToken;
            if (token is null) yield break;
        }
    }

    /// <summary>
    /// One page: the call with <paramref name="token"/> (null: the first page). The answer's
    /// <see cref="AwsPage{TItem}.NextToken"/> asks for the next, so a page that failed can be asked for again
    /// without starting over.
    /// </summary>
    public async Task<AwsPage<TItem>> PageAsync<TItem>(JsonPagedCall<TItem> call, string? token, int number = 1,
        CancellationToken ct = default)
    {
        var body = new JsonObject();
        call.Write(body);
        if (token is not null) body[call.TokenField] = token;
        var (result, raw, requestId) = await SendAsync(call.Operation, body, ct);
        var next = result.Text(call.NextTokenField);
        return new AwsPage<TItem>(number, call.Read(result), raw, requestId) { NextToken = string.IsNullOrEmpty(next) ? null : next };
    }

    public async Task<IReadOnlyList<TItem>> ListAllAsync<TItem>(JsonPagedCall<TItem> call, CancellationToken ct = default)
    {
        var all = new List<TItem>();
        await foreach (var page in PagesAsync(call, ct)) all.AddRange(page.Items);
        return all;
    }

    private async Task<(JsonElement Result, byte[] Raw, string? RequestId)> SendAsync(
        AwsOperation operation, JsonObject body, CancellationToken ct)
    {
        if (operation.Service != Service.Name)
            throw new ArgumentException($"{operation} is not an operation of {Service.Name}.", nameof(operation));
        var payload = Encoding.UTF8.GetBytes(body.ToJsonString());
        var answer = await transport.SendAsync(operation, Endpoint, () =>
        {
            if (Service.RestJson) return RestJsonRequest(operation, payload);
            var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Url) { Content = new ByteArrayContent(payload) };
            request.Content.Headers.ContentType = ContentType;
            request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{Service.JsonTargetPrefix}.{operation.Name}");
            return request;
        }, JsonErrorReader.Instance, ct);
        var raw = answer.Body;
        using var document = JsonDocument.Parse(raw.Length == 0 ? "{}"u8.ToArray() : raw);
        return (document.RootElement.Clone(), raw, answer.RequestId);
    }

    /// <summary>REST-JSON (RAM): the operation is the path, <c>POST /getresourceshares</c>.</summary>
    private HttpRequestMessage RestJsonRequest(AwsOperation operation, byte[] payload)
    {
        var url = new Uri(Endpoint.Url.ToString().TrimEnd('/') + "/" + operation.Name.ToLowerInvariant());
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = RestJsonContentType;
        return request;
    }
}
