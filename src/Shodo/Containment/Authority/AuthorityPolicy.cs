using Shodo.Configuration;
using Shodo.Localization;
using YamlDotNet.RepresentationModel;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Authority;

/// <summary>
/// Which containment actions a responder may apply alone, and who may approve the others — the
/// <c>authority:</c> section of the configuration, written in advance by the organisation:
/// <code>
/// authority:
///   responder: [deactivate-access-keys, attach-deny-policy, stop-instance]
///   approvers: [ciso, head-of-security]     # optional: who may approve; absent = anyone named
/// </code>
/// The default is what a responder may do alone when nobody with authority can be reached:
/// deactivate keys, attach the deny policy, stop instances. What goes with them (snapshot, tag,
/// clearing stop protection, termination protection) follows the action it serves: each action names its
/// authority class (<see cref="Actions.IContainmentAction.AuthorityClass"/>).
/// </summary>
public sealed record AuthorityPolicy(IReadOnlySet<string> Responder, IReadOnlyList<string>? Approvers)
{
    public const string Section = "authority";

    /// <summary>
    /// The actions a responder may apply alone by default: those that declare <see cref="AuthorityLevel.Responder"/>
    /// and are an authority class of their own (deactivate keys, attach the deny policy, stop instances).
    /// </summary>
    public static IReadOnlySet<string> DefaultResponder { get; } = Actions.ActionRegistry.All
        .Where(a => a.DefaultAuthority == AuthorityLevel.Responder && a.AppliesTo.All(k => a.AuthorityClass(k) == a.Name))
        .Select(a => a.Name).ToHashSet(StringComparer.Ordinal);

    public static AuthorityPolicy Default { get; } = new(DefaultResponder, null);

    /// <summary>
    /// The authority class for targets only the recorded state suggests are the attacker's (events unread): off by
    /// default; granted, the responder applies to them what it may apply to confirmed targets.
    /// </summary>
    public const string ContainSuspected = "contain-suspected";

    /// <summary>As <see cref="For"/>, for a suspected target: also needs <see cref="ContainSuspected"/> granted.</summary>
    public AuthorityLevel ForSuspected(string action, string targetKind) =>
        Responder.Contains(ContainSuspected) ? For(action, targetKind) : AuthorityLevel.Approver;

    /// <summary>Whether the responder may apply the action to a target of this kind alone: its authority class is granted.</summary>
    public AuthorityLevel For(string action, string targetKind) =>
        Responder.Contains(Actions.ActionRegistry.Get(action).AuthorityClass(targetKind)) ? AuthorityLevel.Responder : AuthorityLevel.Approver;

    public bool MayApprove(string name) => Approvers is null || Approvers.Contains(name, StringComparer.OrdinalIgnoreCase);

    public static AuthorityPolicy From(ShodoConfiguration config)
    {
        if (config.Section(Section) is not { } node) return Default;
        if (node is not YamlMappingNode map) throw config.Error(node, Messages.Get("ContainAuthorityNotMapping"));
        var known = Actions.ActionRegistry.All.Select(a => a.Name).Append(ContainSuspected).ToHashSet(StringComparer.Ordinal);
        IReadOnlySet<string> responder = DefaultResponder;
        IReadOnlyList<string>? approvers = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "responder":
                    var names = Strings(config, value);
                    foreach (var (name, at) in names.Where(n => !known.Contains(n.Value)))
                        throw config.Error(at, Messages.Get("ContainAuthorityUnknownAction", name, string.Join(", ", known.Order(StringComparer.Ordinal))));
                    responder = names.Select(n => n.Value).ToHashSet(StringComparer.Ordinal);
                    break;
                case "approvers":
                    approvers = Strings(config, value).Select(n => n.Value).ToList();
                    break;
                default:
                    throw config.Error(keyNode, Messages.Get("ContainAuthorityUnknownKey", key));
            }
        }
        return new AuthorityPolicy(responder, approvers);
    }

    private static List<(string Value, YamlNode Node)> Strings(ShodoConfiguration config, YamlNode node) =>
        node is YamlSequenceNode seq
            ? seq.Children.Select(c => c is YamlScalarNode { Value: { } v } ? (v, c) : throw config.Error(c, Messages.Get("ContainAuthorityNotList"))).ToList()
            : throw config.Error(node, Messages.Get("ContainAuthorityNotList"));
}
