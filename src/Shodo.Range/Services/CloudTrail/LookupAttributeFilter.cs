using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State;
using Shodo.Range.State.CloudTrail;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>
/// The one lookup attribute LookupEvents accepts (AWS allows at most one), as a predicate on events.
/// </summary>
internal sealed record LookupAttributeFilter(string Key, string Value)
{
    private static readonly string[] Keys =
        ["EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId"];

    public static LookupAttributeFilter? From(JsonObject input)
    {
        if (input["LookupAttributes"] is not JsonArray attributes || attributes.Count == 0) return null;
        if (attributes.Count > 1)
            throw new AwsError("InvalidLookupAttributesException", "You cannot specify more than one lookup attribute.");
        if (attributes[0] is not JsonObject attribute) throw Invalid("A lookup attribute must be an object.");
        var key = CloudTrailJson.String(attribute, "AttributeKey");
        var value = CloudTrailJson.String(attribute, "AttributeValue");
        if (key is null || !Keys.Contains(key)) throw Invalid($"Lookup attribute key {key} is not valid.");
        if (string.IsNullOrEmpty(value)) throw Invalid("A lookup attribute value is required.");
        if (key == "ReadOnly" && value is not ("true" or "false"))
            throw Invalid("The ReadOnly lookup attribute value must be true or false.");
        return new LookupAttributeFilter(key, value);
    }

    public bool Matches(CallRecord call) => Key switch
    {
        "EventId" => call.EventId == Value,
        "EventName" => call.EventName == Value,
        "ReadOnly" => (call.ReadOnly ? "true" : "false") == Value,
        "Username" => UserIdentity.Username(call.Caller) == Value,
        "ResourceType" => EventResources.Of(call).Any(r => r.Type == Value),
        "ResourceName" => EventResources.Of(call).Any(r => r.Name == Value),
        "EventSource" => call.EventSource == Value,
        "AccessKeyId" => call.Caller?.AccessKeyId == Value,
        _ => false,
    };

    private static AwsError Invalid(string message) => new("InvalidLookupAttributesException", message);
}
