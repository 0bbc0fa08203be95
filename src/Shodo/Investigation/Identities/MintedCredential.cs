using System.Text.Json;
using Shodo.Investigation.Model;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Identities;

/// <summary>What one successful attacker event created or minted: a user, a long-term key, a login profile, a session key.</summary>
public sealed record MintedCredential(IdentityKind Kind, string Name, string? Owner, TrailRecord Event)
{
    public static IEnumerable<MintedCredential> From(TrailRecord e)
    {
        if (e.Failed) yield break;
        var raw = e.Raw;
        switch (e.EventName)
        {
            case "CreateUser":
                if ((TrailRecordJson.Path(raw, "responseElements", "user", "userName") ?? Request(raw, "userName")) is { } user)
                    yield return new MintedCredential(IdentityKind.User, user, null, e);
                break;
            case "CreateAccessKey":
                if (TrailRecordJson.Path(raw, "responseElements", "accessKey", "accessKeyId") is { } key)
                    yield return new MintedCredential(IdentityKind.AccessKey, key,
                        TrailRecordJson.Path(raw, "responseElements", "accessKey", "userName") ?? Request(raw, "userName") ?? e.UserName, e);
                break;
            case "CreateLoginProfile" or "UpdateLoginProfile":
                if ((Request(raw, "userName") ?? e.UserName) is { } profile)
                    yield return new MintedCredential(IdentityKind.LoginProfile, profile, profile, e);
                break;
            case "GetSessionToken" or "GetFederationToken" or "AssumeRole" or "AssumeRoleWithSAML" or "AssumeRoleWithWebIdentity":
                if (TrailRecordJson.Path(raw, "responseElements", "credentials", "accessKeyId") is { } session)
                    yield return new MintedCredential(IdentityKind.SessionKey, session,
                        e.EventName.StartsWith("AssumeRole", StringComparison.Ordinal)
                            ? RoleName(Request(raw, "roleArn")) : e.UserName, e);
                break;
        }
    }

    private static string? Request(JsonElement raw, string name) => TrailRecordJson.Path(raw, "requestParameters", name);

    private static string? RoleName(string? arn) => arn is null ? null : arn[(arn.LastIndexOf('/') + 1)..];
}
