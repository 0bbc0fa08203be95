using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Shodo.Range.Serving;
using Shodo.Range.State;

namespace Shodo.Range.Tests.CloudTrail;

/// <summary>
/// Serves requests to the range's services without HTTP, recording each call in State.Calls as the
/// dispatcher does, so service behaviour (CloudTrail history, delivery, throttling) can be driven on a
/// fake clock. Conformance over HTTP with the real AWS CLI is in the *Conformance tests.
/// </summary>
public sealed class DirectCalls
{
    public const string Account = "111122223333";
    public static readonly Caller Alice = new(Caller.IamUser, $"arn:aws:iam::{Account}:user/alice",
        "AIDAALICEALICEALICE01", Account, "AKIAALICEALICEALICE1", "alice");
    public static readonly Caller Attacker = new(Caller.IamUser, $"arn:aws:iam::{Account}:user/backdoor",
        "AIDABACKDOORBACKDOOR", Account, "AKIABACKDOORBACKDOOR", "backdoor");
    public static readonly Caller RoleSession = new(Caller.AssumedRole,
        $"arn:aws:sts::{Account}:assumed-role/ops/session-1", "AROAOPSOPSOPSOPSOPS01:session-1", Account,
        "ASIAOPSOPSOPSOPSOPS1", SessionIssuedAt: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), RoleName: "ops");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    public RangeState State { get; }
    private readonly Dictionary<string, IAwsService> _services = ServiceCatalog.Create().ToDictionary(s => s.Name);

    public DirectCalls() => State = new RangeState(Account, new RangeClock(Time));

    public sealed record Result(AwsResponse? Response, AwsError? Error, CallRecord Record)
    {
        public JsonObject Json => (JsonObject)((JsonResult)Response!).Body!;
        public RawResult Raw => (RawResult)Response!;
        public XmlResult Xml => (XmlResult)Response!;
    }

    public Result CloudTrail(string operation, JsonObject? input = null, string region = "us-east-1", Caller? caller = null)
    {
        var headers = new HeaderDictionary { ["X-Amz-Target"] = Services.CloudTrail.CloudTrailService.TargetPrefix + operation };
        return Serve("cloudtrail", "POST", "/", new Dictionary<string, string>(), headers,
            Encoding.UTF8.GetBytes((input ?? []).ToJsonString()), region, caller, new Dictionary<string, string>());
    }

    public Result Query(string service, string action, Dictionary<string, string>? parameters = null,
        string region = "us-east-1", Caller? caller = null)
    {
        var all = new Dictionary<string, string>(parameters ?? []) { ["Action"] = action };
        return Serve(service, "POST", "/", new Dictionary<string, string>(), new HeaderDictionary(), [], region, caller, all);
    }

    public Result S3(string method, string path, Dictionary<string, string>? query = null, byte[]? body = null,
        HeaderDictionary? headers = null, string region = "us-east-1", Caller? caller = null)
    {
        headers ??= new HeaderDictionary();
        headers["Host"] = "127.0.0.1";
        return Serve("s3", method, path, query ?? [], headers, body ?? [], region, caller, new Dictionary<string, string>());
    }

    /// <summary>Records a call as the dispatcher would have, without serving it (for history seeding).</summary>
    public CallRecord Seed(string service, string eventName, string region, DateTimeOffset time, Caller? caller = null,
        bool readOnly = false, JsonObject? requestParameters = null, string category = "Management", string? errorCode = null)
    {
        var record = new CallRecord(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), time, service,
            $"{service}.amazonaws.com", eventName, region, caller ?? Alice, "203.0.113.7", "aws-cli/2.9.19",
            readOnly, requestParameters, null, errorCode, errorCode is null ? null : "denied", category);
        State.Record(record);
        return record;
    }

    private Result Serve(string serviceName, string method, string path, IReadOnlyDictionary<string, string> query,
        IHeaderDictionary headers, byte[] body, string region, Caller? caller, IReadOnlyDictionary<string, string> parameters)
    {
        var service = _services[serviceName];
        var request = new AwsRequest
        {
            Method = method, Path = path, Query = query, Headers = headers, Body = body, Service = serviceName,
            Region = region, Parameters = parameters, SourceIp = "198.51.100.9", UserAgent = "direct-test",
        };
        var operation = service.Resolve(request);
        var call = new AwsCall
        {
            Request = request, Operation = operation, Caller = caller ?? Alice, State = State,
            Now = State.Clock.Now, RequestId = Guid.NewGuid().ToString(),
        };
        AwsResponse? response = null;
        AwsError? error = null;
        try
        {
            response = service.HandleAsync(call, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (AwsError e)
        {
            error = e;
        }
        var record = new CallRecord(Guid.NewGuid().ToString(), call.RequestId, call.Now, service.Name,
            service.EventSource, operation.Name, service.IsGlobal ? "us-east-1" : region, call.Caller,
            request.SourceIp, request.UserAgent, operation.ReadOnly, call.RequestParameters, call.ResponseElements,
            error?.Code, error?.Message, operation.DataEvent ? "Data" : "Management");
        State.Record(record);
        return new Result(response, error, record);
    }
}
