using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Range.Auth.Policies;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Services.Iam;

/// <summary>An IAM operation, with lookups, paging and parameter parsing shared by all of them.</summary>
public abstract class IamAction : QueryAction
{
    protected static IamAccount Iam(AwsCall call) => call.State.Iam;

    protected static IamUser RequireUser(AwsCall call, string name) => Iam(call).User(name) ?? throw IamErrors.NoSuchUser(name);
    protected static IamRole RequireRole(AwsCall call, string name) => Iam(call).Role(name) ?? throw IamErrors.NoSuchRole(name);
    protected static IamGroup RequireGroup(AwsCall call, string name) => Iam(call).Group(name) ?? throw IamErrors.NoSuchGroup(name);

    /// <summary>The UserName parameter, or the calling IAM user when omitted (as AWS does).</summary>
    protected static IamUser UserOrCaller(AwsCall call)
    {
        var name = call.Request.Param("UserName") ?? call.Caller.UserName
            ?? throw IamErrors.Validation("Must specify userName when calling with non-User credentials");
        return RequireUser(call, name);
    }

    protected static string UserArn(AwsRequest r, string? name) => name is null ? "*" : $"arn:{r.Partition}:iam::{r.AccountId}:user/{name}";
    protected static string RoleArn(AwsRequest r, string? name) => name is null ? "*" : $"arn:{r.Partition}:iam::{r.AccountId}:role/{name}";
    protected static string GroupArn(AwsRequest r, string? name) => name is null ? "*" : $"arn:{r.Partition}:iam::{r.AccountId}:group/{name}";

    /// <summary>A policy document parameter, validated as IAM does (MalformedPolicyDocument).</summary>
    protected static string RequirePolicyDocument(AwsCall call, string parameter)
    {
        var document = call.Request.RequiredParam(parameter);
        try { PolicyDocument.Parse(document); }
        catch (MalformedPolicyException e) { throw IamErrors.MalformedPolicy(e.Message); }
        return document;
    }

    /// <summary>Query list parameter <c>Name.member.N</c>.</summary>
    protected static List<string> ListParam(AwsRequest request, string name)
    {
        var values = new List<string>();
        for (var i = 1; request.Param($"{name}.member.{i}") is { } v; i++) values.Add(v);
        return values;
    }

    /// <summary>Tags.member.N.Key / .Value.</summary>
    protected static List<IamTag> TagsParam(AwsRequest request)
    {
        var tags = new List<IamTag>();
        for (var i = 1; request.Param($"Tags.member.{i}.Key") is { } key; i++)
            tags.Add(new IamTag(key, request.Param($"Tags.member.{i}.Value") ?? ""));
        return tags;
    }

    protected static bool BoolParam(AwsRequest request, string name) =>
        string.Equals(request.Param(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// IAM's paging: MaxItems (default 100, 1..1000) and an opaque Marker; returns the page's items
    /// and the IsTruncated/Marker elements to append to the result.
    /// </summary>
    protected static (List<T> Items, XElement?[] Paging) Page<T>(AwsRequest request, IEnumerable<T> all)
    {
        var maxItems = 100;
        if (request.Param("MaxItems") is { } m && (!int.TryParse(m, out maxItems) || maxItems is < 1 or > 1000))
            throw IamErrors.Validation($"1 validation error detected: Value '{m}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
        var start = 0;
        if (request.Param("Marker") is { } marker)
        {
            try { start = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(marker))); }
            catch (FormatException) { throw IamErrors.InvalidInput("Invalid Marker."); }
        }
        var list = all.ToList();
        var page = list.Skip(start).Take(maxItems).ToList();
        var truncated = start + page.Count < list.Count;
        return (page, [
            Xml.E("IsTruncated", truncated),
            truncated ? Xml.E("Marker", Convert.ToBase64String(Encoding.UTF8.GetBytes((start + page.Count).ToString()))) : null,
        ]);
    }

    protected static JsonObject Json(params (string Key, JsonNode? Value)[] values)
    {
        var o = new JsonObject();
        foreach (var (k, v) in values) if (v is not null) o[k] = v;
        return o;
    }
}
