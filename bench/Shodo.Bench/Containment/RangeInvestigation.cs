using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Range;

namespace Shodo.Bench.Containment;

/// <summary>The investigation's documents for a range scenario, written from its ground truth (what an investigation must find).</summary>
public static class RangeInvestigation
{
    public static async Task WriteAsync(RangeHost range, Case @case)
    {
        var truth = range.GroundTruth!;
        var leaked = $"access-key:{truth.LeakedAccessKeyId}";
        var identities = new List<AttackerIdentity>
        {
            new() { Id = leaked, Kind = IdentityKind.AccessKey, Name = truth.LeakedAccessKeyId!, AccessKeyId = truth.LeakedAccessKeyId,
                Owner = truth.LeakedUserName, Confidence = Confidence.Confirmed, Reason = "leaked key" },
        };
        identities.AddRange(truth.Users.Select(u => new AttackerIdentity
        {
            Id = $"user:{u}", Kind = IdentityKind.User, Name = u, Confidence = Confidence.Confirmed, CreatedByAttacker = true, Reason = "backdoor",
        }));
        var resources = truth.Instances.Select(i => new AttackerResource
        {
            Id = $"{ResourceTypes.Instance}:{i.Region}:{i.InstanceId}", Type = ResourceTypes.Instance, Region = i.Region, ResourceId = i.InstanceId,
            CreatedBy = leaked,
        }).Concat(truth.SpotRequests.Where(s => s.InstanceId is not null && truth.Instances.All(i => i.InstanceId != s.InstanceId)).Select(s => new AttackerResource
        {
            Id = $"{ResourceTypes.Instance}:{s.Region}:{s.InstanceId}", Type = ResourceTypes.Instance, Region = s.Region, ResourceId = s.InstanceId!,
            CreatedBy = leaked,
        })).Concat(truth.SpotRequests.Select(s => new AttackerResource
        {
            Id = $"{ResourceTypes.SpotRequest}:{s.Region}:{s.SpotInstanceRequestId}", Type = ResourceTypes.SpotRequest, Region = s.Region,
            ResourceId = s.SpotInstanceRequestId, CreatedBy = leaked, Attributes = new JsonObject { ["type"] = s.Type },
        })).ToList();
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.Identities, "shodo-identities/1", "identities", identities);
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
    }
}
