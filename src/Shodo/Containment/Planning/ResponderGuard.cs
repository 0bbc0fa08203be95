using Shodo.Aws.Connection;
using Shodo.Diagnostics;
using Shodo.Investigation.Model;
using Shodo.Localization;

namespace Shodo.Containment.Planning;

/// <summary>
/// The identity Shodo runs as is never contained by its own plan: if the responder's credentials (its
/// user, role or access key) are among the compromised, planning and applying stop and say so. The one exception is
/// the role Shodo entered a member by, cut only for sessions issued before Shodo's own (<see cref="ResponderSessionCut"/>).
/// </summary>
public static class ResponderGuard
{
    public static void Check(CallerIdentity me, string? callerAccessKeyId, IEnumerable<AttackerIdentity> identities,
        IEnumerable<AttackerResource> resources, ResponderSessionCut? cut = null, DateTimeOffset? ownIssuedAt = null)
    {
        var (kind, name) = Principal(me.Arn);
        foreach (var i in identities)
        {
            var hit = (i.Arn is not null && i.Arn == me.Arn)
                      || (callerAccessKeyId is not null && i.AccessKeyId == callerAccessKeyId)
                      || (kind == "user" && ((i.Kind == IdentityKind.User && i.Name == name) || (i.Kind is IdentityKind.AccessKey or IdentityKind.LoginProfile && i.Owner == name)))
                      || (kind == "assumed-role" && (i.Kind == IdentityKind.Role && i.Name == name) && cut?.Spares(name, ownIssuedAt) != true);
            if (hit) Refuse(me, i.Id);
        }
        foreach (var r in resources)
            if ((r.Type == ResourceTypes.User && kind == "user" && r.ResourceId == name)
                || (r.Type == ResourceTypes.AccessKey && r.ResourceId == callerAccessKeyId))
                Refuse(me, r.Id);
    }

    /// <summary>The first move's one principal (the leaked key's user or role, or the user named) must not be Shodo itself.</summary>
    public static void CheckPrincipal(CallerIdentity me, string? callerAccessKeyId, ContainmentTarget principal, string? accessKeyId)
    {
        var (kind, name) = Principal(me.Arn);
        var same = principal.Kind == TargetKinds.User ? kind == "user" && name == principal.Id : kind == "assumed-role" && name == principal.Id;
        if (same || (accessKeyId is not null && accessKeyId == callerAccessKeyId))
            Refuse(me, accessKeyId is null ? principal.Key : $"access-key:{accessKeyId}");
    }

    /// <summary>("user", NAME) for arn:aws:iam::ACCOUNT:user/path/NAME; ("assumed-role", ROLE) for sts assumed roles.</summary>
    public static (string Kind, string Name) Principal(string arn)
    {
        var resource = arn.Split(':', 6) is { Length: 6 } parts ? parts[5] : arn;
        var segments = resource.Split('/');
        return segments[0] switch
        {
            "user" => ("user", segments[^1]),
            "assumed-role" when segments.Length >= 2 => ("assumed-role", segments[1]),
            "role" => ("assumed-role", segments[^1]),
            var other => (other, segments[^1]),
        };
    }

    private static void Refuse(CallerIdentity me, string identity) =>
        throw new ShodoException(new Diagnostic(ExitCode.Refused, Messages.Get("ContainResponderCompromised", me.Arn, identity)));
}
