using System.Text.Json.Nodes;

namespace Shodo.Range.State.CloudTrail;

/// <summary>CloudTrail's userIdentity element for a caller, as AWS writes it for each identity type.</summary>
public static class UserIdentity
{
    public static JsonObject From(Caller? caller, string recipientAccountId)
    {
        if (caller is null)
            return new JsonObject { ["type"] = "Unknown", ["accountId"] = recipientAccountId };

        if (caller.Type == Caller.AwsAccount)
            return new JsonObject { ["type"] = caller.Type, ["principalId"] = caller.PrincipalId, ["accountId"] = caller.AccountId };
        var identity = new JsonObject
        {
            ["type"] = caller.Type,
            ["principalId"] = caller.PrincipalId,
            ["arn"] = caller.Arn,
            ["accountId"] = caller.AccountId,
        };
        if (caller.AccessKeyId.Length > 0) identity["accessKeyId"] = caller.AccessKeyId; // a console sign-in has none
        if (caller.Type == Caller.IamUser && caller.UserName is not null) identity["userName"] = caller.UserName;
        if (caller.IsTemporary || caller.Type is Caller.AssumedRole or Caller.FederatedUser)
            identity["sessionContext"] = SessionContext(caller);
        return identity;
    }

    /// <summary>The name LookupEvents reports as Username: the user, the role session, or "root".</summary>
    public static string? Username(Caller? caller) => caller?.Type switch
    {
        null => null,
        Caller.Root => "root",
        Caller.IamUser => caller.UserName,
        _ => caller.Arn[(caller.Arn.LastIndexOf('/') + 1)..],
    };

    private static JsonObject SessionContext(Caller caller)
    {
        var context = new JsonObject();
        var issuer = Issuer(caller);
        if (issuer is not null) context["sessionIssuer"] = issuer;
        context["attributes"] = new JsonObject
        {
            ["creationDate"] = CloudTrailTime.Format(caller.SessionIssuedAt ?? DateTimeOffset.UnixEpoch),
            ["mfaAuthenticated"] = caller.MfaAuthenticated ? "true" : "false",
        };
        return context;
    }

    /// <summary>The caller's partition, from its own ARN (<c>arn:aws-cn:sts::...</c>).</summary>
    private static string Partition(Caller caller) => caller.Arn.Split(':') is { Length: > 1 } parts ? parts[1] : RangePartitions.Aws;

    private static JsonObject? Issuer(Caller caller)
    {
        if (caller.Type == Caller.AssumedRole && caller.RoleName is not null)
        {
            var roleId = caller.PrincipalId.Split(':')[0];
            return new JsonObject
            {
                ["type"] = "Role",
                ["principalId"] = roleId,
                ["arn"] = $"arn:{Partition(caller)}:iam::{caller.AccountId}:role/{caller.RoleName}",
                ["accountId"] = caller.AccountId,
                ["userName"] = caller.RoleName,
            };
        }
        if (caller.Type == Caller.FederatedUser && caller.SourceUserName is not null)
        {
            return new JsonObject
            {
                ["type"] = "IAMUser",
                ["principalId"] = caller.PrincipalId.Split(':')[0],
                ["arn"] = $"arn:{Partition(caller)}:iam::{caller.AccountId}:user/{caller.SourceUserName}",
                ["accountId"] = caller.AccountId,
                ["userName"] = caller.SourceUserName,
            };
        }
        return null;
    }
}
