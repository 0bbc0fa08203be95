using YamlDotNet.Serialization;

namespace Shodo.Range.Scenarios;

/// <summary>
/// A scenario file as written (YAML, camelCase keys): the account, the state it starts with, the
/// actors and the timeline of calls they make, and the ground truth. docs/range-scenarios.md
/// describes every field. Times are relative to the moment the range starts ("-72h", "-3h12m").
/// </summary>
public sealed class ScenarioFile
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Seed of the jitter in routines, so a scenario plays the same way every time.</summary>
    public int Seed { get; set; } = 1;
    public AccountSpec Account { get; set; } = new();
    /// <summary>The named credential that leaked (written as profile <c>leaked</c>).</summary>
    public string? LeakedCredential { get; set; }
    public Dictionary<string, ActorSpec> Actors { get; set; } = [];
    public IamSpec Iam { get; set; } = new();
    public S3Spec S3 { get; set; } = new();
    [YamlMember(Alias = "cloudtrail")]
    public CloudTrailSpec CloudTrail { get; set; } = new();
    public RdsSpec Rds { get; set; } = new();
    public Ec2Spec Ec2 { get; set; } = new();
    public KmsSpec Kms { get; set; } = new();
    public List<RoutineSpec> Routines { get; set; } = [];
    public List<StepSpec> Timeline { get; set; } = [];
    public GroundTruthSpec? GroundTruth { get; set; }
    /// <summary>How the security team reaches the account, when not as the plain admin user <c>responder</c>: a break-glass role.</summary>
    public ResponderSpec? Responder { get; set; }
}

/// <summary>
/// A break-glass responder role (declared under <c>iam.roles</c>, its trust naming the user <c>responder</c>): the user
/// <c>responder</c> keeps only the right to assume it, gets an MFA device when <see cref="Mfa"/>, and whoever responds
/// (the drill) assumes the role with the external id and an MFA code, as a person on the night would.
/// </summary>
public sealed class ResponderSpec
{
    public string Role { get; set; } = "";
    public string? ExternalId { get; set; }
    /// <summary>The user <c>responder</c> has a virtual MFA device (<c>arn:aws:iam::ACCOUNT:mfa/responder</c>).</summary>
    public bool Mfa { get; set; }
}

public sealed class AccountSpec
{
    public string? Id { get; set; }
    public string? Alias { get; set; }
    /// <summary>Opt-in regions the account has enabled (the default regions always are).</summary>
    public List<string> OptInRegions { get; set; } = [];
    /// <summary>When set, the account is the management account of an organisation with this many members.</summary>
    public OrganizationSpec? Organization { get; set; }
}

/// <summary>An organisation: its member accounts (ids <c>RangeOrganization.MemberId(account, i)</c>, i from 1).</summary>
public sealed class OrganizationSpec
{
    public int Members { get; set; }
}

/// <summary>Who makes calls: a named credential, and where from.</summary>
public sealed class ActorSpec
{
    public string Credential { get; set; } = "";
    public string SourceIp { get; set; } = "198.51.100.10";
    public string UserAgent { get; set; } = "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64";
    /// <summary>Whether this actor is the attacker (its calls are the ground truth's events).</summary>
    public bool Attacker { get; set; }
}

/// <summary>One call, or one call per region, at a time relative to the start.</summary>
public sealed class StepSpec
{
    public string At { get; set; } = "0s";
    public string Actor { get; set; } = "";
    /// <summary>Overrides the actor's credential for this step (same source IP and user agent).</summary>
    public string? Credential { get; set; }
    /// <summary><c>service:Operation</c>, e.g. <c>iam:CreateUser</c>, <c>s3:GetObject</c>.</summary>
    public string Call { get; set; } = "";
    public string? Region { get; set; }
    /// <summary>Repeat the step once per region: a list, or <c>[enabled]</c> for every enabled region.</summary>
    public List<string>? Regions { get; set; }
    /// <summary>Time between the per-region repeats (default 20s).</summary>
    public string? Spacing { get; set; }
    public Dictionary<string, object> Params { get; set; } = [];
    /// <summary>Name under which the response is kept for <c>${name.Field}</c> references.</summary>
    public string? Save { get; set; }
    /// <summary>Play fails unless the call fails with this error code (documents an expected failure).</summary>
    public string? ExpectError { get; set; }
}

/// <summary>Ordinary, repeated activity: every <see cref="Every"/> between From and To, the calls in order.</summary>
public sealed class RoutineSpec
{
    public string Actor { get; set; } = "";
    public string From { get; set; } = "-7d";
    public string To { get; set; } = "-1h";
    public string Every { get; set; } = "4h";
    /// <summary>Only in these UTC hours [start, end), e.g. [0, 9] for office hours in Japan.</summary>
    public List<int>? HoursUtc { get; set; }
    public List<StepSpec> Calls { get; set; } = [];
}
