using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Shodo.Range.Faults;
using Shodo.Range.State;

namespace Shodo.Range.Admin;

/// <summary>
/// The range's own control surface under <c>/_range/</c> (unsigned JSON, not AWS-shaped):
/// GET state, GET counters, GET|POST faults, POST clock ({"advance":"PT1H"} or {"set":"..."}),
/// POST save / load ({"path":"..."}), POST console-sign-in ({"userName":"...","mfaCode":"123456"}: a console
/// session's credentials, or 403 when the sign-in is refused).
/// </summary>
public sealed class AdminEndpoint(RangeState state, RangeFaults faults)
{
    public const string Prefix = "/_range";

    public async Task HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var route = http.Request.Path.Value![Prefix.Length..].Trim('/');
        var post = HttpMethods.IsPost(http.Request.Method);
        try
        {
            JsonNode? body = post && http.Request.ContentLength != 0
                ? await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct) : null;
            JsonNode result = (route, post) switch
            {
                ("state", false) => StateDump(),
                ("counters", false) => CallCounters.Compute(state),
                ("faults", false) => Faults(),
                ("faults", true) => SetFaults(body),
                ("clock", false) => Clock(),
                ("clock", true) => MoveClock(body),
                ("save", true) => await Save(body, ct),
                ("load", true) => await Load(body, ct),
                ("console-sign-in", true) => SignIn(body),
                _ => throw new AdminError(404, $"No admin route {http.Request.Method} {Prefix}/{route}."),
            };
            await Write(http, 200, result, ct);
        }
        catch (Exception e) when (e is AdminError or JsonException or FormatException or InvalidDataException or IOException)
        {
            await Write(http, e is AdminError a ? a.Status : 400, new JsonObject { ["error"] = e.Message }, ct);
        }
    }

    private JsonObject StateDump()
    {
        var dump = AccountDump(state);
        if (state.Organization is { } organization) dump["organization"] = OrganizationDump(organization);
        return dump;
    }

    private static JsonObject AccountDump(RangeState account)
    {
        var dump = RangeStateFile.Save(account);
        // Secrets stay out of the dump (the state file written by /_range/save keeps them), and so do
        // the bulk of it: object bytes and the event history (counted here, read through LookupEvents).
        Redact(dump);
        (dump["cloudtrail"] as JsonObject)?.Remove("calls");
        lock (account.Sync) dump["calls"] = account.Calls.Count;
        return dump;
    }

    /// <summary>The organisation: its root, SCPs and attachments, and each member account's state as the account's own dump.</summary>
    private static JsonObject OrganizationDump(State.Organizations.RangeOrganization organization)
    {
        lock (organization.Management.Sync)
            return new JsonObject
            {
                ["id"] = organization.Id, ["rootId"] = organization.RootId, ["managementAccountId"] = organization.ManagementAccountId,
                ["policies"] = new JsonArray(organization.Policies.Values.Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = p.Id, ["name"] = p.Name, ["type"] = p.PolicyType, ["awsManaged"] = p.AwsManaged, ["content"] = p.Content,
                }).ToArray()),
                ["attachments"] = new JsonObject(organization.Attachments.Select(a =>
                    KeyValuePair.Create(a.Key, (JsonNode?)new JsonArray(a.Value.Select(id => (JsonNode)id).ToArray())))),
                ["members"] = new JsonObject(organization.Accounts.Where(a => a.Id != organization.ManagementAccountId)
                    .Select(a => KeyValuePair.Create(a.Id, (JsonNode?)AccountDump(a.State)))),
            };
    }

    private static void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                    if (key is "secretAccessKey" or "token" or "privateKey") o[key] = "REDACTED";
                    else if (key is "body") o[key] = "OMITTED";
                    else Redact(o[key]);
                break;
            case JsonArray a:
                foreach (var item in a) Redact(item);
                break;
        }
    }

    private JsonObject Faults() => new()
    {
        ["latency"] = faults.Latency.ToString().ToLowerInvariant(),
        ["throttleRate"] = faults.ThrottleRate,
        ["errorRate"] = faults.ErrorRate,
        ["resetRate"] = faults.ResetRate,
        ["sight"] = new JsonArray(faults.Sight.Select(f => (JsonNode)new JsonObject
        {
            ["source"] = f.Source == SightSource.LookupEvents ? "lookup-events" : "trail-logs",
            ["failure"] = SightFault.Spell(f.Failure),
            ["regions"] = f.Regions is null ? null : new JsonArray(f.Regions.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray()),
        }).ToArray()),
    };

    private JsonObject SetFaults(JsonNode? body)
    {
        if (body?["latency"]?.GetValue<string>() is { } latency)
            faults.Latency = Enum.TryParse<RangeLatency>(latency, ignoreCase: true, out var l)
                ? l : throw new AdminError(400, "latency must be none or realistic.");
        if (body?["throttleRate"] is { } t) faults.ThrottleRate = Rate(t);
        if (body?["errorRate"] is { } e) faults.ErrorRate = Rate(e);
        if (body?["resetRate"] is { } r) faults.ResetRate = Rate(r);
        if (body?["sight"] is JsonArray sight) faults.Sight = sight.Select(Sight).ToList();
        return Faults();
    }

    /// <summary>{"source":"lookup-events"|"trail-logs","failure":"access-denied"|"server-error","regions":[...]|null}</summary>
    private static SightFault Sight(JsonNode? node)
    {
        var source = node?["source"]?.GetValue<string>() switch
        {
            "lookup-events" => SightSource.LookupEvents,
            "trail-logs" => SightSource.TrailLogs,
            _ => throw new AdminError(400, "A sight fault's source must be lookup-events or trail-logs."),
        };
        SightFailure failure;
        try { failure = SightFault.ParseFailure(node?["failure"]?.GetValue<string>() ?? ""); }
        catch (FormatException e) { throw new AdminError(400, e.Message); }
        var regions = node?["regions"] is JsonArray list ? list.Select(r => r!.GetValue<string>()).ToList() : null;
        return new SightFault(source, failure, regions);
    }

    private static double Rate(JsonNode node)
    {
        var rate = node.GetValue<double>();
        return rate is >= 0 and <= 1 ? rate : throw new AdminError(400, "Rates are fractions between 0 and 1.");
    }

    private JsonObject Clock() => new() { ["now"] = state.Clock.Now.ToString("O") };

    private JsonObject MoveClock(JsonNode? body)
    {
        lock (state.Sync)
        {
            if (body?["advance"]?.GetValue<string>() is { } advance)
            {
                var by = XmlConvert.ToTimeSpan(advance);
                if (by < TimeSpan.Zero) throw new AdminError(400, "The clock only moves forward; use set.");
                state.Clock.Advance(by);
            }
            else if (body?["set"]?.GetValue<string>() is { } set)
                state.Clock.Set(DateTimeOffset.Parse(set, System.Globalization.CultureInfo.InvariantCulture));
            else
                throw new AdminError(400, """Send {"advance":"PT1H"} or {"set":"2026-01-01T00:00:00Z"}.""");
        }
        return Clock();
    }

    private async Task<JsonObject> Save(JsonNode? body, CancellationToken ct)
    {
        var path = RequiredPath(body);
        await RangeStateFile.SaveAsync(state, path, ct);
        return new JsonObject { ["saved"] = path };
    }

    private async Task<JsonObject> Load(JsonNode? body, CancellationToken ct)
    {
        var path = RequiredPath(body);
        await RangeStateFile.LoadAsync(state, path, ct);
        return new JsonObject { ["loaded"] = path };
    }

    private JsonObject SignIn(JsonNode? body)
    {
        var user = body?["userName"]?.GetValue<string>() ?? throw new AdminError(400, """Send {"userName":"..."}.""");
        try
        {
            var session = new Auth.ConsoleSignIn(state, new Auth.Authorizer(state)).SignIn(user, body?["mfaCode"]?.GetValue<string>());
            return new JsonObject
            {
                ["accessKeyId"] = session.AccessKeyId, ["secretAccessKey"] = session.SecretAccessKey,
                ["sessionToken"] = session.Token, ["expiration"] = session.Expiration.ToString("O"),
            };
        }
        catch (Auth.ConsoleSignInRefused e) { throw new AdminError(403, e.Message); }
    }

    private static string RequiredPath(JsonNode? body) =>
        body?["path"]?.GetValue<string>() is { Length: > 0 } path ? Path.GetFullPath(path)
            : throw new AdminError(400, """Send {"path":"/some/file.json"}.""");

    private static async Task Write(HttpContext http, int status, JsonNode body, CancellationToken ct)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct);
    }

    private sealed class AdminError(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }
}
