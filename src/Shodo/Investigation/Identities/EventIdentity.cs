using Shodo.Investigation.Model;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Identities;

/// <summary>Which attacker identity an event belongs to: its key's identity, else the user's.</summary>
public static class EventIdentity
{
    public static string? Of(TrailRecord e, ChainResult chain)
    {
        if (e.AccessKeyId is { } key && chain.Identities.FirstOrDefault(i => i.AccessKeyId == key) is { } byKey) return byKey.Id;
        if (e.UserName is { } user && chain.Identities.FirstOrDefault(i => i.Kind == IdentityKind.User && i.Name == user) is { } byUser) return byUser.Id;
        return null;
    }
}
