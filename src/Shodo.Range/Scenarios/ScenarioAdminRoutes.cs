using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Shodo.Range.Adversary;

namespace Shodo.Range.Scenarios;

/// <summary>
/// The range's admin routes for scenarios (plain JSON, unsigned, under <c>/_range/</c>, which no
/// S3 bucket name can collide with): <c>GET /_range/ground-truth</c> (404 without a scenario or
/// ground truth), <c>GET /_range/scenario</c> (name, played calls, attacker key ids) and
/// <c>GET /_range/adversary</c> (the live adversary's counters).
/// </summary>
public static class ScenarioAdminRoutes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Answers the request if it is one of these routes; returns false to let the range serve it.</summary>
    public static async Task<bool> TryServeAsync(HttpContext http, LoadedScenario? scenario, LiveAdversary? adversary)
    {
        if (!HttpMethods.IsGet(http.Request.Method)) return false;
        object? body = http.Request.Path.Value switch
        {
            "/_range/ground-truth" => scenario?.GroundTruth,
            "/_range/scenario" => scenario is null ? null : new
            {
                name = scenario.Name,
                playedCalls = scenario.PlayedCalls,
                generatedRecords = scenario.GeneratedRecords,
                leakedAccessKeyId = scenario.Leaked?.AccessKeyId,
                attackers = scenario.Attackers.Select(a => new
                {
                    name = a.Name, accessKeyId = a.Credentials.AccessKeyId, sourceIp = a.SourceIp, userAgent = a.UserAgent,
                }),
            },
            "/_range/adversary" => new
            {
                enabled = adversary is not null,
                successfulCalls = adversary?.Status.SuccessfulCalls ?? 0,
                failedCalls = adversary?.Status.FailedCalls ?? 0,
                lastSuccessAt = adversary?.Status.LastSuccessAt,
                lastCallAt = adversary?.Status.LastCallAt,
                ticks = adversary?.Status.Ticks ?? 0,
                errors = adversary?.Status.Errors,
                created = adversary?.Status.Created,
                accessKeyIds = adversary?.AccessKeyIds,
                lastLoopError = adversary?.Status.LastLoopError,
            },
            _ => NotMine,
        };
        if (ReferenceEquals(body, NotMine)) return false;
        http.Response.ContentType = "application/json";
        if (body is null)
        {
            http.Response.StatusCode = 404;
            await http.Response.WriteAsync("{\"message\":\"This range runs no scenario with ground truth.\"}");
            return true;
        }
        await http.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
        return true;
    }

    private static readonly object NotMine = new();
}
