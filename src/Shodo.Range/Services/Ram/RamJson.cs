using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Range.Serving;
using Shodo.Range.State.Ram;

namespace Shodo.Range.Services.Ram;

/// <summary>RAM's input members, its errors (botocore's <c>ram</c> model) and its shapes as the API renders them.</summary>
internal static partial class RamJson
{
    public static string? String(JsonObject input, string member) =>
        input[member] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool? Bool(JsonObject input, string member) =>
        input[member] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static List<string> Strings(JsonObject input, string member) =>
        input[member] is JsonArray a ? a.Select(n => n?.GetValue<string>() ?? "").ToList() : [];

    public static AwsError InvalidParameter(string message) => new("InvalidParameterException", message);
    public static AwsError MalformedArn(string message) => new("MalformedArnException", message);
    public static AwsError UnknownResource(string message) => new("UnknownResourceException", message);

    /// <summary>A required enum member (resourceOwner, associationType), refused as AWS does when missing or not one of its values.</summary>
    public static string RequiredEnum(JsonObject input, string member, params string[] values)
    {
        var value = String(input, member) ?? throw InvalidParameter($"{member} is required.");
        return values.Contains(value, StringComparer.Ordinal) ? value
            : throw InvalidParameter($"{member} must be one of: {string.Join(", ", values)}.");
    }

    /// <summary>The share the ARN names in the caller's region; MalformedArn or UnknownResource otherwise.</summary>
    public static ResourceShare Share(AwsCall call, string arn)
    {
        if (!ShareArn().IsMatch(arn)) throw MalformedArn($"The specified resource share ARN {arn} is not valid.");
        return call.State.ResourceShares(call.Region).FirstOrDefault(s => s.Arn == arn)
               ?? throw UnknownResource($"ResourceShare {arn} could not be found.");
    }

    /// <summary>The RAM type of a resource the account owns in the caller's region: a subnet or an Aurora cluster.</summary>
    public static string ResourceType(AwsCall call, string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn") throw MalformedArn($"The specified resource ARN {arn} is not valid.");
        var (service, region, account, resource) = (parts[2], parts[3], parts[4], parts[5]);
        var unknown = UnknownResource($"The resource {arn} could not be found.");
        if (account != call.AccountId || region != call.Region) throw unknown;
        if (service == "ec2" && resource.StartsWith("subnet/", StringComparison.Ordinal))
            return call.State.Ec2(region).Vpc.Subnets.Any(s => "subnet/" + s.SubnetId == resource) ? "ec2:Subnet" : throw unknown;
        if (service == "rds" && resource.StartsWith("cluster:", StringComparison.Ordinal))
            return call.State.Rds(region).Clusters.ContainsKey(resource["cluster:".Length..]) ? "rds:Cluster" : throw unknown;
        throw unknown;
    }

    /// <summary>Whether the principal is outside the owner's organisation; refuses a malformed one and the owner itself.</summary>
    public static bool External(AwsCall call, string principal)
    {
        string account;
        if (AccountId().IsMatch(principal)) account = principal;
        else if (principal.StartsWith("arn:", StringComparison.Ordinal) && principal.Split(':') is { Length: >= 6 } p)
        {
            if (p[2] == "organizations") return call.State.Organization is null || !principal.Contains(call.State.Organization.Id, StringComparison.Ordinal);
            if (p[2] != "iam" || !AccountId().IsMatch(p[4])) throw MalformedArn($"The specified principal {principal} is not valid.");
            account = p[4];
        }
        else throw MalformedArn($"The specified principal {principal} is not valid.");
        if (account == call.AccountId && AccountId().IsMatch(principal))
            throw InvalidParameter("The resource share cannot be shared with the account that owns it.");
        return account != call.AccountId && call.State.Organization?.Account(account) is null;
    }

    /// <summary>
    /// One page of a list answer under <paramref name="member"/>: <c>maxResults</c> (1 to 500) rows from the offset
    /// <c>nextToken</c> carries, and a <c>nextToken</c> when more remain; a token this list did not give is InvalidNextTokenException.
    /// </summary>
    public static JsonObject Page(JsonObject input, string member, IEnumerable<JsonNode> rows)
    {
        var all = rows.ToList();
        int? max = input["maxResults"] is JsonValue m && m.TryGetValue<int>(out var n) ? n : null;
        if (max is < 1 or > 500) throw InvalidParameter("maxResults must be between 1 and 500.");
        var start = 0;
        if (String(input, "nextToken") is { } token)
        {
            var parts = token.Split('.');
            if (parts.Length != 2 || parts[0] != member || !int.TryParse(parts[1], out start) || start < 0 || start > all.Count)
                throw new AwsError("InvalidNextTokenException", "The specified value for nextToken is not valid.");
        }
        var take = max ?? all.Count;
        var output = new JsonObject { [member] = new JsonArray(all.Skip(start).Take(take).ToArray()) };
        if (start + take < all.Count) output["nextToken"] = $"{member}.{start + take}";
        return output;
    }

    public static JsonNode Epoch(DateTimeOffset time) => JsonValue.Create(time.ToUnixTimeMilliseconds() / 1000.0);

    public static JsonObject Render(ResourceShare share) => new()
    {
        ["resourceShareArn"] = share.Arn,
        ["name"] = share.Name,
        ["owningAccountId"] = share.OwningAccountId,
        ["allowExternalPrincipals"] = share.AllowExternalPrincipals,
        ["status"] = share.Status,
        ["tags"] = new JsonArray(share.Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray()),
        ["creationTime"] = Epoch(share.CreationTime),
        ["lastUpdatedTime"] = Epoch(share.LastUpdatedTime),
        ["featureSet"] = "STANDARD",
    };

    public static JsonObject Render(ResourceShare share, ShareAssociation association) => new()
    {
        ["resourceShareArn"] = share.Arn,
        ["resourceShareName"] = share.Name,
        ["associatedEntity"] = association.Entity,
        ["associationType"] = association.Type,
        ["status"] = association.Status,
        ["creationTime"] = Epoch(association.CreationTime),
        ["lastUpdatedTime"] = Epoch(association.LastUpdatedTime),
        ["external"] = association.External,
    };

    /// <summary>Adds the principals and resources to the share (one association each, none twice), validated first.</summary>
    public static List<ShareAssociation> Associate(AwsCall call, ResourceShare share, List<string> resources, List<string> principals)
    {
        var types = resources.ToDictionary(r => r, r => ResourceType(call, r));
        var external = principals.ToDictionary(p => p, p => External(call, p));
        if (!share.AllowExternalPrincipals && external.FirstOrDefault(e => e.Value) is { Key: { } outside })
            throw new AwsError("OperationNotPermittedException",
                $"The resource share {share.Arn} does not allow sharing with principals outside your organization ({outside}).");
        var added = new List<ShareAssociation>();
        foreach (var (entity, type, resourceType, isExternal) in
                 types.Select(r => (r.Key, ShareAssociation.Resource, (string?)r.Value, false))
                     .Concat(external.Select(p => (p.Key, ShareAssociation.Principal, (string?)null, p.Value))))
        {
            if (share.Associations.Any(a => a.Entity == entity && a.Type == type)) continue;
            var association = new ShareAssociation
            {
                Entity = entity, Type = type, ResourceType = resourceType, External = isExternal,
                CreationTime = call.Now, LastUpdatedTime = call.Now,
            };
            share.Associations.Add(association);
            added.Add(association);
        }
        if (added.Count > 0) share.LastUpdatedTime = call.Now;
        return added;
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^arn:aws[\w-]*:ram:[a-z0-9-]+:\d{12}:resource-share/[0-9a-f-]{36}$")]
    private static partial Regex ShareArn();
}
