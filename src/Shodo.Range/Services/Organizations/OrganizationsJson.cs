using System.Globalization;
using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.Services.CloudTrail;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>Organizations' shapes as the botocore model writes them, its paging and its input errors.</summary>
internal static class OrganizationsJson
{
    public static JsonObject Summary(ServiceControlPolicy p) => new()
    {
        ["Id"] = p.Id, ["Arn"] = p.Arn, ["Name"] = p.Name, ["Description"] = p.Description, ["Type"] = p.PolicyType,
        ["AwsManaged"] = p.AwsManaged,
    };

    public static JsonObject Policy(ServiceControlPolicy p) => new() { ["Policy"] = new JsonObject
    {
        ["PolicySummary"] = Summary(p), ["Content"] = p.Content,
    } };

    public static JsonArray PolicyTypes() =>
        [new JsonObject { ["Type"] = ServiceControlPolicy.Type, ["Status"] = "ENABLED" }];

    /// <summary>One page of <paramref name="items"/> (MaxResults 1–20, NextToken an opaque offset), under <paramref name="member"/>.</summary>
    public static JsonObject Page(JsonObject input, string member, IReadOnlyList<JsonNode> items)
    {
        var max = 20;
        if (input["MaxResults"] is JsonValue m)
        {
            if (!m.TryGetValue<int>(out max) || max is < 1 or > 20)
                throw Invalid("INVALID_INPUT", "MaxResults must be between 1 and 20.");
        }
        var start = 0;
        if (CloudTrailJson.String(input, "NextToken") is { } token
            && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start > items.Count))
            throw Invalid("INVALID_PAGINATION_TOKEN", "You specified an invalid value for nextToken.");
        var page = new JsonObject { [member] = new JsonArray(items.Skip(start).Take(max).Select(i => i.DeepClone()).ToArray()) };
        if (start + max < items.Count) page["NextToken"] = (start + max).ToString(CultureInfo.InvariantCulture);
        return page;
    }

    public static AwsError Invalid(string reason, string message) =>
        new("InvalidInputException", message, 400) { Reason = reason };

    public static string Required(JsonObject input, string member) =>
        CloudTrailJson.String(input, member) is { Length: > 0 } s ? s
            : throw new AwsError("InvalidInputException", $"You must specify a value for {member}.", 400) { Reason = "INVALID_INPUT" };

    public static ServiceControlPolicy PolicyNamed(RangeOrganization organization, string id) =>
        organization.Policies.GetValueOrDefault(id)
        ?? throw new AwsError("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.", 400);

    /// <summary>The type filter (required): one of the model's policy types.</summary>
    public static string Filter(JsonObject input)
    {
        var filter = Required(input, "Filter");
        return filter is ServiceControlPolicy.Type or "TAG_POLICY" or "BACKUP_POLICY" or "AISERVICES_OPT_OUT_POLICY"
            ? filter
            : throw new AwsError("ValidationException", $"1 validation error detected: Value '{filter}' at 'filter' failed to satisfy constraint: Member must satisfy enum value set", 400);
    }

    /// <summary>The root or an account of the organisation a TargetId names; TargetNotFoundException otherwise.</summary>
    public static (string Id, string Arn, string Name, string Type) Target(RangeOrganization organization, string targetId)
    {
        if (targetId == organization.RootId) return (targetId, organization.RootArn, "Root", "ROOT");
        if (organization.Account(targetId) is { } account)
            return (targetId, organization.AccountArn(targetId), account.Name, "ACCOUNT");
        if (!System.Text.RegularExpressions.Regex.IsMatch(targetId, @"^(r-[0-9a-z]{4,32}|\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$"))
            throw Invalid("INVALID_INPUT", "You provided a value that does not match the required pattern.");
        throw new AwsError("TargetNotFoundException", "We can't find a root, OU, account, or email that matches the ID you specified.", 400);
    }
}
