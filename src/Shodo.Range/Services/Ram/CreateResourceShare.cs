using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Ram;
using static Shodo.Range.Services.Ram.RamJson;

namespace Shodo.Range.Services.Ram;

/// <summary>
/// CreateResourceShare: a new ACTIVE share named <c>name</c>, with the resources and principals given (each validated
/// before anything is created: MalformedArn, UnknownResource, OperationNotPermitted for an outside principal when
/// <c>allowExternalPrincipals</c> is false). Outside accounts are allowed by default, as in AWS.
/// </summary>
internal sealed class CreateResourceShare : JsonAction
{
    public override string Name => "CreateResourceShare";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var name = String(input, "name") is { Length: > 0 } n ? n : throw InvalidParameter("name is required.");
        var share = new ResourceShare
        {
            Arn = $"arn:{call.State.Partition}:ram:{call.Region}:{call.AccountId}:resource-share/{Guid.NewGuid()}",
            Name = name, Region = call.Region, OwningAccountId = call.AccountId,
            AllowExternalPrincipals = Bool(input, "allowExternalPrincipals") ?? true,
            CreationTime = call.Now, LastUpdatedTime = call.Now,
        };
        if (input["tags"] is JsonArray tags)
            foreach (var tag in tags.OfType<JsonObject>())
                share.Tags[String(tag, "key") ?? throw InvalidParameter("A tag must have a key.")] = String(tag, "value") ?? "";
        Associate(call, share, Strings(input, "resourceArns"), Strings(input, "principals"));
        call.State.ResourceShares(call.Region).Add(share);
        var output = new JsonObject { ["resourceShare"] = Render(share) };
        if (String(input, "clientToken") is { } token) output["clientToken"] = token;
        return output;
    }
}
