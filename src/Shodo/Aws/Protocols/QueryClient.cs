using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace Shodo.Aws.Protocols;

/// <summary>
/// The Query protocol engine (IAM, RDS, ...): form POST of <c>Action</c>, <c>Version</c> and the
/// call's fields; XML answer <c>&lt;OpResponse&gt;&lt;OpResult&gt;…&lt;/OpResult&gt;&lt;ResponseMetadata&gt;</c>;
/// errors as <c>&lt;ErrorResponse&gt;</c>; marker paging. One instance per service and region.
/// </summary>
public sealed class QueryClient(AwsTransport transport, AwsServiceModel service, ServiceEndpoint endpoint)
{
    public AwsServiceModel Service { get; } = service;
    public ServiceEndpoint Endpoint { get; } = endpoint;
    public string Region => Endpoint.SigningRegion;

    public async Task<TResult> SendAsync<TResult>(QueryCall<TResult> call, CancellationToken ct = default) =>
        (await AnswerAsync(call, ct)).Result;

    /// <summary>The result together with the raw answer (for the evidence store).</summary>
    public async Task<AwsAnswer<TResult>> AnswerAsync<TResult>(QueryCall<TResult> call, CancellationToken ct = default)
    {
        var parameters = new QueryParameters();
        call.Write(parameters);
        var (result, raw, requestId) = await SendAsync(call.Operation, parameters, ct);
        return new AwsAnswer<TResult>(call.Read(result), raw, requestId);
    }

    /// <summary>
    /// The result, or null when AWS answers that the thing does not exist (IAM's NoSuchEntity by
    /// default, e.g. GetLoginProfile for a user without a console password).
    /// </summary>
    public async Task<TResult?> FindAsync<TResult>(QueryCall<TResult> call, CancellationToken ct = default, params string[] absentCodes)
        where TResult : class
    {
        try
        {
            return await SendAsync(call, ct);
        }
        catch (Errors.AwsServiceError e) when ((absentCodes.Length == 0 ? ["NoSuchEntity"] : absentCodes).Contains(e.Code))
        {
            return null;
        }
    }

    /// <summary>Every page of a paged call, following the marker until the answer says there is no more.</summary>
    public async IAsyncEnumerable<AwsPage<TItem>> PagesAsync<TItem>(QueryPagedCall<TItem> call,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        string? marker = null;
        for (var number = 1; ; number++)
        {
            var parameters = new QueryParameters();
            call.Write(parameters);
            if (parameters.Get(call.Paging.PageSizeField) is null) parameters.Add(call.Paging.PageSizeField, call.Paging.PageSize);
            parameters.Add(call.Paging.MarkerField, marker);
            var (result, raw, requestId) = await SendAsync(call.Operation, parameters, ct);
            yield return new AwsPage<TItem>(number, call.Read(result), raw, requestId);
            var truncated = call.Paging.TruncatedField is not { } flag || result.Bool(flag);
            marker = result.Text(call.Paging.MarkerField);
            if (!truncated || string.IsNullOrEmpty(marker)) yield break;
        }
    }

    public async Task<IReadOnlyList<TItem>> ListAllAsync<TItem>(QueryPagedCall<TItem> call, CancellationToken ct = default)
    {
        var all = new List<TItem>();
        await foreach (var page in PagesAsync(call, ct)) all.AddRange(page.Items);
        return all;
    }

    private async Task<(XElement Result, byte[] Raw, string? RequestId)> SendAsync(
        AwsOperation operation, QueryParameters parameters, CancellationToken ct)
    {
        if (operation.Service != Service.Name)
            throw new ArgumentException($"{operation} is not an operation of {Service.Name}.", nameof(operation));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Action", operation.Name), new("Version", Service.ApiVersion),
        };
        fields.AddRange(parameters.Fields);
        var answer = await transport.SendAsync(operation, Endpoint, () => new HttpRequestMessage(HttpMethod.Post, Endpoint.Url)
        {
            Content = new FormUrlEncodedContent(fields),
        }, QueryErrorReader.Instance, ct);
        var raw = answer.Body;
        var root = Xml.Load(raw);
        var result = root.Element(operation.Name + "Result") ?? new XElement(operation.Name + "Result");
        var requestId = root.Element("ResponseMetadata")?.Text("RequestId") ?? answer.RequestId;
        return (result, raw, requestId);
    }
}
