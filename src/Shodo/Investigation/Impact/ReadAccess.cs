using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Policy;
using Shodo.Aws.S3;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Evidence.Snapshot;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Impact;

/// <summary>What a principal's own IAM policies say: an explicit Deny, or the policies that allow (within its boundary), and what was not read.</summary>
public sealed record IdentityVerdict(bool Denied, IReadOnlyList<string> Allows, IReadOnlyList<ReachGap> Unknown);

/// <summary>Whether the attacker could read a store (null: cannot be said), what lets it in, and what could not be read to say so.</summary>
public sealed record ReadReach(bool? Reachable, IReadOnlyList<string> Through, IReadOnlyList<ReachGap> Unknown)
{
    /// <summary>
    /// What would have let everyone in and Block Public Access blocks, each naming the setting and whether the bucket's or the
    /// account's decided it, in each report language.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Blocked { get; init; } = [];

    public static ReadReach Yes(IEnumerable<string> through) => new(true, through.Distinct().ToList(), []);

    /// <summary>Not readable when nothing that could decide it went unread; else unknown, naming each such thing once.</summary>
    public static ReadReach NoUnless(IEnumerable<ReachGap> unknown)
    {
        var gaps = unknown.DistinctBy(g => g.English).ToList();
        return new ReadReach(gaps.Count > 0 ? null : false, [], gaps);
    }
}

/// <summary>
/// Whether the attacker's principals could read a bucket's objects (s3:GetObject), evaluated as AWS does from the collected
/// state: for each user whose credentials it held, the user's inline and attached policies and those of its groups; for each
/// role it assumed, the role's; a permissions boundary (an Allow outside it is no Allow); the bucket policy, for the
/// principal itself, for everyone, or for an outside account the attacker shared data with, unless Block Public Access restricts
/// the public policy (RestrictPublicBuckets, the bucket's or the account's); the bucket ACL (<see cref="BucketAclReach"/>). An explicit Deny wins. The
/// reading is cautious: an identity policy's Allow counts whatever its conditions (the attacker shapes its own requests), a
/// Deny only when unconditional and over every object; a bucket policy's Allow for everyone, an outside account or the
/// principal is weighed with its conditions (<see cref="PolicyConditions"/>): one that holds only under a condition not
/// decided lets no one in for certain and shuts no one out — unknown, naming the condition. Objects under an SSE-KMS default
/// key are read only with the use of that key (<see cref="BucketObjectKey"/>): by an outside reader as the key policy and
/// grants allow it, by the account's own principal as the key policy does, or — when it delegates to the account — as the
/// principal's IAM policies do.
/// "Unknown" (never "no") when a policy that could decide it was not read: the authorization details incomplete, a managed
/// policy's document, a group or role missing, the bucket policy, ACL or Block Public Access settings (the bucket's or the account's) not collected. Shodo's own containment policy (inline
/// <c>ShodoContainment-CASE</c>, see <c>ContainmentTags.PolicyName</c>) is not what the attacker faced and is left out.
/// </summary>
public sealed class ReadAccess(AccountSnapshot state, ChainResult chain, IReadOnlyCollection<string> outsideAccounts)
{
    private const string ObjectRead = "s3:GetObject";
    private readonly BucketObjectKey _objectKey = new(state, new KeyUse(state));
    private const string ShodoPolicyPrefix = "ShodoContainment-";

    /// <summary>AWS managed policies known to grant reading S3, for an attachment whose document the snapshot does not hold.</summary>
    private static readonly string[] Granting =
    [
        "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess",
        "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess",
        "arn:aws:iam::aws:policy/PowerUserAccess",
    ];

    /// <summary>AWS managed policies known to grant every action of a service like KMS (<c>*</c>, or all but IAM and Organizations).</summary>
    private static readonly string[] GrantingEverything =
        ["arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/PowerUserAccess"];

    public ReadReach S3(string bucket)
    {
        var objects = $"arn:aws:s3:::{bucket}/";
        var through = new List<string>();
        var unknown = new List<ReachGap>();
        var blocked = new List<IReadOnlyDictionary<string, string>>();
        var attached = chain.AttackerEvents.Where(e => e.EventName == "AttachUserPolicy" && !e.Failed)
            .Select(e => TrailRecordJson.Path(e.Raw, "requestParameters", "policyArn")).OfType<string>()
            .Where(a => Granting.Contains(AwsPartition.InCommercial(a))).ToList();
        through.AddRange(attached.Select(a => $"AttachUserPolicy {Name(a)}"));
        if (chain.Confirmed.Any(i => i.Kind == IdentityKind.Root)) through.Add("root");

        var policy = state.BucketPolicies.FirstOrDefault(p => p.Bucket == bucket);
        if (policy is null) unknown.Add(ReachGap.Of("ReachBucketPolicyNotRead", bucket));
        else if (policy.Document is { } document)
        {
            var open = new List<string>();
            var own = OwnAccount(state);
            var everyone = PolicyGrant.Under(document, ObjectRead, objects, p => Names(p, a => a == "*"), new PolicyCaller(null, own, state.OrganizationId));
            if (everyone?.Grant == Grant.Allow) open.Add($"bucket policy of {bucket}: everyone");
            else if (everyone?.Conditional == true)
                unknown.Add(ReachGap.Of("ReachBucketPolicyEveryoneOnlyUnder", bucket, string.Join("; ", everyone.OnlyUnder)));
            var outside = outsideAccounts.Where(a => a != BucketPolicyEveryone).ToHashSet(StringComparer.Ordinal);
            var letIn = new List<string>();
            foreach (var account in outside.Order(StringComparer.Ordinal))
            {
                var grant = PolicyGrant.Under(document, ObjectRead, objects, p => Names(p, a => a == "*" || Account(a) == account), new PolicyCaller(account, own, state.OrganizationId));
                if (grant?.Grant == Grant.Allow) letIn.Add(account);
                else if (grant?.Conditional == true && everyone?.Grant != Grant.Allow && !everyone!.OnlyUnder.SequenceEqual(grant.OnlyUnder))
                    unknown.Add(ReachGap.Of("ReachBucketPolicyAccountOnlyUnder", bucket, account, string.Join("; ", grant.OnlyUnder)));
            }
            if (letIn.Count > 0 && !open.Contains($"bucket policy of {bucket}: everyone"))
                open.Add($"bucket policy of {bucket}: an outside account the attacker shared data with ({string.Join(", ", letIn)})");
            // RestrictPublicBuckets: a public policy lets no one outside the account in, named accounts included (botocore's s3 model),
            // whether the bucket's setting or the account's restricts it.
            var letInNow = false;
            if (open.Count == 0) { }
            else if (!BucketPolicyGrants.IsPublic(BucketPolicyGrants.Parse(document))) letInNow = true;
            else if (EffectivePublicAccessBlock.RestrictsPublicPolicy(state, bucket) is var restricted && restricted.Blocks is null)
                unknown.AddRange(restricted.Unknown);
            else if (restricted.Blocks == true) blocked.Add(restricted.DecidedBy!);
            else letInNow = true;
            // SSE-KMS: an outside reader of the objects also needs the use of the bucket's key.
            foreach (var label in letInNow ? open : [])
            {
                var key = _objectKey.Outside(bucket, label.EndsWith(": everyone", StringComparison.Ordinal) ? null : letIn);
                if (key is null) through.Add(label);
                else if (key.Reachable == true) through.Add($"{label}, with {string.Join("; ", key.Through)} for the objects under its SSE-KMS key");
                else unknown.AddRange(key.Unknown);
            }
        }
        var (byAcl, aclUnknown, aclBlocked) = BucketAclReach.Of(state, chain, bucket);
        through.AddRange(byAcl);
        unknown.AddRange(aclUnknown);
        blocked.AddRange(aclBlocked);

        var principals = Principals().ToList();
        if (principals.Count == 0 && through.Count == 0) unknown.Add(ReachGap.Of("ReachNoAttackerPrincipal"));
        foreach (var (kind, name, arn) in principals)
        {
            var verdict = Principal(kind, name, arn, objects, policy);
            if (verdict.Reachable == true && _objectKey.Principal(bucket, $"{kind} {name}", arn, (action, resource) => Identity(kind, name, action, resource)) is { } key)
                verdict = key.Reachable switch
                {
                    true => ReadReach.Yes(verdict.Through.Select(t => $"{t}, with {string.Join("; ", key.Through)} for the objects under its SSE-KMS key")),
                    false => new ReadReach(false, [], []),
                    null => new ReadReach(null, [], key.Unknown),
                };
            through.AddRange(verdict.Through);
            unknown.AddRange(verdict.Unknown);
        }
        if (through.Count > 0) return ReadReach.Yes(through) with { Blocked = blocked };
        return ReadReach.NoUnless(unknown) with { Blocked = blocked };
    }

    private const string BucketPolicyEveryone = BucketPolicyGrants.Everyone;

    /// <summary>The attacker's users (whose keys, sessions or password it held, or it created) and the roles it assumed.</summary>
    internal IEnumerable<(string Kind, string Name, string? Arn)> Principals()
    {
        var roles = state.PolicyHolders.Where(h => h.Kind == "role").ToDictionary(h => h.Name, StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var i in chain.Confirmed)
        {
            var assumed = i.Arn?.Contains(":assumed-role/", StringComparison.Ordinal) == true;
            var name = i.Kind is IdentityKind.User or IdentityKind.Role ? i.Name : i.Owner;
            if (name is null || i.Kind == IdentityKind.Root) continue;
            var kind = i.Kind == IdentityKind.Role || assumed || i.Kind == IdentityKind.SessionKey && roles.ContainsKey(name)
                                                                 && state.Users.All(u => u.UserName != name) ? "role" : "user";
            if (!seen.Add((kind, name))) continue;
            var arn = kind == "role" ? roles.GetValueOrDefault(name)?.Arn : state.Users.FirstOrDefault(u => u.UserName == name)?.Arn ?? i.Arn;
            yield return (kind, name, arn);
        }
    }

    private ReadReach Principal(string kind, string name, string? arn, string objects, BucketPolicyFact? bucketPolicy)
    {
        var who = $"{kind} {name}";
        var identity = Identity(kind, name, ObjectRead, objects);
        if (identity.Denied) return new ReadReach(false, [], []);
        var unknown = identity.Unknown.ToList();
        if (bucketPolicy?.Document is { } bp)
        {
            var own = OwnAccount(state);
            var grant = PolicyGrant.Under(bp, ObjectRead, objects, p => Names(p, a => a == "*" || arn is not null && a == arn), new PolicyCaller(own, own, state.OrganizationId));
            if (grant?.Grant == Grant.Deny) return new ReadReach(false, [], []);
            if (grant?.Grant == Grant.Allow) return ReadReach.Yes([$"bucket policy of {bucketPolicy.Bucket}, for {who} or everyone"]);
            if (grant?.Conditional == true) unknown.Add(ReachGap.Of("ReachBucketPolicyPrincipalOnlyUnder", bucketPolicy.Bucket, who, string.Join("; ", grant.OnlyUnder)));
        }
        return identity.Allows.Count > 0 ? ReadReach.Yes(identity.Allows) : ReadReach.NoUnless(unknown);
    }

    /// <summary>
    /// What a principal's own IAM policies say about an action on a resource (every resource under it): its inline and attached
    /// policies and its groups' (a user), the role's (a role), an unconditional Deny winning, each Allow kept only within its
    /// permissions boundary; and what was not read that could decide it. The IAM evaluation every "could the attacker ..." uses.
    /// </summary>
    internal IdentityVerdict Identity(string kind, string name, string action, string resource)
    {
        var who = $"{kind} {name}";
        var unknown = new List<ReachGap>();
        var documents = new List<(string Label, string? Document)>();
        if (!state.AuthorizationDetailsComplete) unknown.Add(ReachGap.Of("ReachAuthorizationDetailsIncomplete"));
        if (kind == "user")
        {
            documents.AddRange(state.InlinePolicies.Where(p => p.UserName == name && !p.PolicyName.StartsWith(ShodoPolicyPrefix, StringComparison.Ordinal))
                .Select(p => ($"{who}: inline {p.PolicyName}", (string?)p.Document)));
            documents.AddRange(state.Attachments.Where(a => a.UserName == name).Select(a => Managed(who, a.PolicyArn)));
            foreach (var m in state.GroupMemberships.Where(m => m.UserName == name))
            {
                if (state.PolicyHolders.FirstOrDefault(h => h.Kind == "group" && h.Name == m.GroupName) is { } group)
                    documents.AddRange(Holder($"{who}, group {group.Name}", group));
                else unknown.Add(ReachGap.Of("ReachGroupNotRead", m.GroupName, who));
            }
        }
        else if (state.PolicyHolders.FirstOrDefault(h => h.Kind == "role" && h.Name == name) is { } role)
            documents.AddRange(Holder(who, role));
        else unknown.Add(ReachGap.Of("ReachPrincipalNotRead", who));

        var known = action.StartsWith("s3:", StringComparison.Ordinal) ? Granting : GrantingEverything;
        var allows = new List<string>();
        foreach (var (label, document) in documents)
        {
            var grant = document is null ? (known.Contains(AwsPartition.InCommercial(label[(label.LastIndexOf(' ') + 1)..])) ? Grant.Allow : (Grant?)null)
                : PolicyGrant.Of(document, action, resource);
            if (grant == Grant.Deny) return new IdentityVerdict(true, [], []);
            if (grant == Grant.Allow) allows.Add(label);
            if (grant is null) unknown.Add(ReachGap.Of("ReachPolicyNotRead", label));
        }

        if (allows.Count > 0 && state.PermissionsBoundaries.FirstOrDefault(b => b.Kind == kind && b.Name == name) is { } boundary)
        {
            var document = state.ManagedPolicies.FirstOrDefault(p => p.Arn == boundary.PolicyArn)?.Document;
            var bounded = document is null ? (Grant?)null : PolicyGrant.Of(document, action, resource);
            if (bounded is null) return new IdentityVerdict(false, [], [ReachGap.Of("ReachBoundaryNotRead", Name(boundary.PolicyArn), who)]);
            if (bounded != Grant.Allow) return new IdentityVerdict(false, [], unknown);
            allows = allows.Select(a => $"{a} (within its permissions boundary {Name(boundary.PolicyArn)})").ToList();
        }
        return new IdentityVerdict(false, allows, unknown);
    }

    private IEnumerable<(string, string?)> Holder(string who, PolicyHolderFact holder) =>
        holder.InlinePolicies.Where(p => !p.Key.StartsWith(ShodoPolicyPrefix, StringComparison.Ordinal))
            .Select(p => ($"{who}: inline {p.Key}", (string?)p.Value))
            .Concat(holder.AttachedPolicyArns.Select(a => Managed(who, a)));

    private (string, string?) Managed(string who, string policyArn) =>
        ($"{who}: attached {policyArn}", state.ManagedPolicies.FirstOrDefault(p => p.Arn == policyArn)?.Document);

    private static string Name(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    /// <summary>The account the collected state belongs to, from any ARN in it (users, groups and roles, KMS keys); null when none was read.</summary>
    internal static string? OwnAccount(AccountSnapshot state) =>
        state.Users.Select(u => u.Arn).Concat(state.PolicyHolders.Select(h => h.Arn)).Concat(state.KmsKeys.Select(k => (string?)k.Arn))
            .OfType<string>().Select(Account).FirstOrDefault(a => a is { Length: 12 });

    /// <summary>Whether a resource policy's Principal names <c>*</c> or an AWS principal <paramref name="accepted"/> takes.</summary>
    internal static bool Names(JsonNode principal, Func<string, bool> accepted) => principal switch
    {
        JsonValue v => accepted(v.ToString()),
        JsonObject o => PolicyGrant.Strings(o["AWS"]).Any(accepted),
        _ => false,
    };

    internal static string? Account(string principal) =>
        principal.StartsWith("arn:", StringComparison.Ordinal) ? principal.Split(':') is { Length: >= 6 } p ? p[4] : null : principal;
}
