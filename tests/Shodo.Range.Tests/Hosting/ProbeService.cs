using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Range.Serving;

namespace Shodo.Range.Tests.Hosting;

/// <summary>
/// A minimal service in a given protocol, to test the dispatcher's envelopes, errors and records
/// independently of the real services: operation Ping answers Value=pong, Fail throws NoSuchThing,
/// Read is a data event, Boom is a bug (not an AwsError).
/// </summary>
public sealed class ProbeService(string name, AwsProtocol protocol, bool global = false) : IAwsService
{
    public string Name => name;
    public string EventSource => $"{name}.amazonaws.com";
    public AwsProtocol Protocol => protocol;
    public string XmlNamespace => protocol == AwsProtocol.Json ? "" : $"urn:probe:{name}";
    public bool IsGlobal => global;

    public AwsOperation Resolve(AwsRequest request)
    {
        var op = protocol switch
        {
            AwsProtocol.Json => request.Headers["X-Amz-Target"].ToString().Split('.').Last(),
            AwsProtocol.RestXml => request.Path.Trim('/') is { Length: > 0 } p ? p : "Ping",
            _ => request.RequiredParam("Action"),
        };
        if (op is not ("Ping" or "Fail" or "Read" or "Boom")) throw AwsError.InvalidAction(op);
        return new AwsOperation(op, $"{name}:{op}", ReadOnly: op != "Fail", DataEvent: op == "Read");
    }

    private int _handled;
    /// <summary>How many calls reached the handler.</summary>
    public int Handled => Volatile.Read(ref _handled);

    public Task<AwsResponse> HandleAsync(AwsCall call, CancellationToken ct)
    {
        Interlocked.Increment(ref _handled);
        if (call.Operation.Name == "Boom") throw new InvalidOperationException("a bug in a handler");
        if (call.Operation.Name == "Fail") throw new AwsError("NoSuchThing", "The thing does not exist.", 404);
        call.ResponseElements = new JsonObject { ["value"] = "pong" };
        AwsResponse response = protocol switch
        {
            AwsProtocol.Json => new JsonResult(new JsonObject { ["Value"] = "pong" }),
            AwsProtocol.RestXml => XmlResult.Document(new XElement("PingResult", new XElement("Value", "pong"))),
            _ => new XmlResult(new XElement("Value", "pong")),
        };
        return Task.FromResult(response);
    }
}
