using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Impact;
using Shodo.Investigation.Model;
using Shodo.Range;
using Shodo.Range.State.Iam;
using Shodo.Range.State.S3;
using Shodo.Tests.Aws;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// "The attacker could read it", evaluated from the collected state as AWS evaluates it, one source at a time: a user's inline
/// policy, its group's inline and attached policies, a role the attacker assumed, a permissions boundary, a bucket policy for
/// everyone or for an outside account the attacker shared with, an explicit Deny — and "unknown", never "no", where a policy
/// that could decide it was not read. The range is seeded once and collected once (IAM authorization details and buckets).
/// </summary>
public sealed class ReadAccessTests(ReadAccessTests.Account account) : IClassFixture<ReadAccessTests.Account>
{
    public const string Exports = "crm-exports", Public = "public-site", Partner = "partner-drop", Locked = "locked-archive",
        Sealed = "sealed-ledger", Outside = "444455556666", Listing = "open-listing", IgnoredListing = "ignored-listing",
        Restricted = "restricted-site", AclSealed = "acl-sealed", BlockSealed = "block-sealed",
        VpceOnly = "vpce-only", TlsOnly = "tls-only", OrgOnly = "org-only", OutsideFromAddress = "outside-from-address",
        KmsClosed = "kms-closed-drop", KmsOpen = "kms-open-drop", KmsManaged = "kms-managed-site", KmsUndelegated = "kms-undelegated",
        KmsDelegated = "kms-delegated";

    /// <summary>A bucket policy letting <paramref name="principal"/> read the bucket's objects under <paramref name="condition"/>.</summary>
    private static string Conditioned(string bucket, string principal, string condition) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*","Condition":{{condition}}}]}""";

    private static string Read(string resource) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"{{resource}}"}]}""";

    public sealed class Account : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", "read-access-" + Guid.NewGuid().ToString("N"));
        public RangeHost Range { get; private set; } = null!;
        public AccountSnapshot State { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
            var state = Range.State;
            state.CreateBucket(Exports, "us-east-1");
            // A public policy as S3 would have taken it: on a bucket without Block Public Access (an old one).
            state.CreateBucket(Public, "us-east-1", blockPublicAccess: false).Policy =
                """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::public-site/*"}]}""";
            state.CreateBucket(Partner, "us-east-1").Policy =
                $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Outside}}:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::partner-drop/*"}]}""";
            state.CreateBucket(Locked, "us-east-1").Policy =
                """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::locked-archive","arn:aws:s3:::locked-archive/*"]}]}""";
            state.CreateBucket(Sealed, "us-east-1");
            state.CreateBucket(Listing, "us-east-1", blockPublicAccess: false).Grants.Add(new S3Grant("Group", S3Grant.AllUsers, "READ"));
            var ignored = state.CreateBucket(IgnoredListing, "us-east-1", blockPublicAccess: false);
            ignored.Grants.Add(new S3Grant("Group", S3Grant.AuthenticatedUsers, "FULL_CONTROL"));
            ignored.PublicAccessBlock = new S3PublicAccessBlock(BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false);
            // Opened while unblocked (everyone and the outside account), then Block Public Access restricted it.
            state.CreateBucket(Restricted, "us-east-1").Policy =
                $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{Restricted}}/*"},{"Effect":"Allow","Principal":{"AWS":"{{Outside}}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{{Restricted}}/*"}]}""";
            state.Buckets[Restricted].PublicAccessBlock = new S3PublicAccessBlock(false, false, false, RestrictPublicBuckets: true);
            state.CreateBucket(AclSealed, "us-east-1", blockPublicAccess: false);
            state.CreateBucket(BlockSealed, "us-east-1", blockPublicAccess: false).Policy =
                $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{BlockSealed}}/*"}]}""";
            // Conditioned grants: through one VPC endpoint, over TLS, to one organisation, to the outside account from one address.
            state.CreateBucket(VpceOnly, "us-east-1", blockPublicAccess: false).Policy =
                Conditioned(VpceOnly, "\"*\"", """{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}""");
            state.CreateBucket(TlsOnly, "us-east-1", blockPublicAccess: false).Policy =
                Conditioned(TlsOnly, "\"*\"", """{"Bool":{"aws:SecureTransport":"true"}}""");
            state.CreateBucket(OrgOnly, "us-east-1", blockPublicAccess: false).Policy =
                Conditioned(OrgOnly, """{"AWS":"*"}""", """{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""");
            state.CreateBucket(OutsideFromAddress, "us-east-1").Policy =
                Conditioned(OutsideFromAddress, $$"""{"AWS":"arn:aws:iam::{{Outside}}:root"}""", """{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""");
            // SSE-KMS: the outside account is let in by the bucket policy, but its objects are under a key it may not use (or may).
            var root = $"arn:aws:iam::{state.AccountId}:root";
            var closedKey = state.CreateKmsKey("us-east-1");
            var openKey = state.CreateKmsKey("us-east-1", $$"""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{root}}"},"Action":"kms:*","Resource":"*"},
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Outside}}:root"},"Action":"kms:Decrypt","Resource":"*"}]}
                """);
            // A key whose policy names one administrator role and never the account: IAM policies grant nothing on it. The range
            // enforces key policies as KMS does, so the responder reads this key only because the policy names it for reading.
            var undelegatedKey = state.CreateKmsKey("us-east-1", $$"""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{state.AccountId}}:role/key-admin"},"Action":"kms:*","Resource":"*"},
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{state.AccountId}}:user/{{RangeHost.ResponderUserName}}"},"Action":["kms:DescribeKey","kms:GetKeyPolicy","kms:ListGrants"],"Resource":"*"}]}
                """);
            foreach (var (bucket, key) in new[] { (KmsClosed, closedKey.Arn), (KmsOpen, openKey.Arn) })
            {
                var b = state.CreateBucket(bucket, "us-east-1");
                b.Policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Outside}}:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""";
                b.Encryption = new S3Encryption("aws:kms", key);
            }
            var managed = state.CreateBucket(KmsManaged, "us-east-1", blockPublicAccess: false);
            managed.Policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{KmsManaged}}/*"}]}""";
            managed.Encryption = new S3Encryption("aws:kms");
            state.CreateBucket(KmsUndelegated, "us-east-1").Encryption = new S3Encryption("aws:kms", undelegatedKey.Arn);
            state.CreateBucket(KmsDelegated, "us-east-1").Encryption = new S3Encryption("aws:kms", closedKey.KeyId);
            lock (state.Sync)
            {
                var iam = state.Iam;
                state.AddUser("inline-reader").InlinePolicies["exports"] = Read($"arn:aws:s3:::{Exports}/*");
                state.AddUser("other-bucket-reader").InlinePolicies["assets"] = Read("arn:aws:s3:::acme-app-assets/*");
                state.AddUser("admin").AttachedPolicyArns.Add(AwsManagedPolicies.AdministratorAccessArn);
                state.AddUser("nobody");
                state.AddUser("analyst");
                state.AddUser("auditor");
                var analysts = Group(state, "analysts", "analyst");
                analysts.InlinePolicies["read-exports"] = Read($"arn:aws:s3:::{Exports}/reports/*");
                var custom = new ManagedPolicy
                {
                    PolicyName = "ExportsRead", PolicyId = IamIds.PolicyId(), Arn = state.IamArn("policy", "/", "ExportsRead"),
                    CreateDate = state.Clock.Now, UpdateDate = state.Clock.Now,
                    Versions = [new PolicyVersion("v1", Read("*"), state.Clock.Now)],
                };
                iam.Policies[custom.Arn] = custom;
                Group(state, "auditors", "auditor").AttachedPolicyArns.Add(custom.Arn);
                iam.Roles["etl"] = new IamRole
                {
                    RoleName = "etl", RoleId = IamIds.RoleId(), Arn = state.IamArn("role", "/", "etl"), CreateDate = state.Clock.Now,
                    AssumeRolePolicyDocument = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}""",
                    InlinePolicies = { ["etl-read"] = Read("arn:aws:s3:::*") },
                };
                ManagedPolicy Customer(string name, string document)
                {
                    var policy = new ManagedPolicy
                    {
                        PolicyName = name, PolicyId = IamIds.PolicyId(), Arn = state.IamArn("policy", "/", name),
                        CreateDate = state.Clock.Now, UpdateDate = state.Clock.Now, Versions = [new PolicyVersion("v1", document, state.Clock.Now)],
                    };
                    iam.Policies[policy.Arn] = policy;
                    return policy;
                }
                var onlyEc2 = Customer("OnlyEc2", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}""");
                var s3Read = Customer("S3ReadBoundary", Read("arn:aws:s3:::*"));
                var fenced = state.AddUser("fenced-admin");
                fenced.AttachedPolicyArns.Add(AwsManagedPolicies.AdministratorAccessArn);
                fenced.PermissionsBoundaryArn = onlyEc2.Arn;
                var within = state.AddUser("bounded-admin");
                within.AttachedPolicyArns.Add(AwsManagedPolicies.AdministratorAccessArn);
                within.PermissionsBoundaryArn = s3Read.Arn;
                // The responder may not read one bucket's policy: what it would have said is unknown.
                iam.User(RangeHost.ResponderUserName)!.InlinePolicies["no-sealed-policy"] =
                    $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:GetBucketPolicy","Resource":"arn:aws:s3:::{{Sealed}}"}]}""";
                iam.User(RangeHost.ResponderUserName)!.InlinePolicies["no-acl-no-block"] =
                    $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:GetBucketAcl","Resource":"arn:aws:s3:::{{AclSealed}}"},{"Effect":"Deny","Action":"s3:GetBucketPublicAccessBlock","Resource":"arn:aws:s3:::{{BlockSealed}}"}]}""";
            }
            State = await CollectAsync(_root, Range);
        }

        private static IamGroup Group(Shodo.Range.State.RangeState state, string name, string member)
        {
            var group = new IamGroup
            {
                GroupName = name, GroupId = IamIds.GroupId(), Arn = state.IamArn("group", "/", name), CreateDate = state.Clock.Now, Members = [member],
            };
            state.Iam.Groups[name] = group;
            return group;
        }

        public async Task DisposeAsync()
        {
            await Range.DisposeAsync();
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Collects the IAM authorization details and the buckets as the responder, and reads the snapshot back from the case.</summary>
    public static async Task<AccountSnapshot> CollectAsync(string root, RangeHost range, params string[] more)
    {
        using var @case = Case.Open(root, new CaseOptions { Title = "read access" });
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(range.Responder.AccessKeyId, range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = range.Url, Retry = TestConnections.QuickRetry,
            RefusalSink = new JournalRefusalSink(@case.Journal),
        });
        var collectors = CollectorCatalog.All.Where(c => c.Name is "iam.authorization-details" or "iam.users" or "s3.buckets" or "kms.keys" || more.Contains(c.Name)).ToList();
        await new CollectionRunner(aws, @case, new CollectionOptions { Collectors = collectors, Regions = ["us-east-1"] }).RunAsync();
        return await AccountSnapshot.BuildAsync(@case, CancellationToken.None);
    }

    private static AttackerIdentity User(string name) => new()
    {
        Id = $"user:{name}", Kind = IdentityKind.User, Name = name, Confidence = Confidence.Confirmed, Reason = "test",
    };

    private ReadReach Reach(string bucket, IEnumerable<AttackerIdentity> identities, params string[] outside) =>
        new ReadAccess(account.State, new ChainResult(identities.ToList(), [], [], [], null,
            new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>())), outside).S3(bucket);

    [Fact]
    public void A_users_inline_policy_for_the_buckets_objects_lets_it_read_and_one_for_another_bucket_does_not()
    {
        var reach = Reach(Exports, [User("inline-reader")]);
        Assert.True(reach.Reachable);
        Assert.Contains(reach.Through, t => t.Contains("inline exports", StringComparison.Ordinal));

        var other = Reach(Exports, [User("other-bucket-reader")]);
        Assert.False(other.Reachable);
        Assert.Empty(other.Unknown);
    }

    [Fact]
    public void A_groups_inline_policy_for_part_of_the_bucket_and_a_groups_attached_customer_policy_each_let_its_member_read()
    {
        var analyst = Reach(Exports, [User("analyst")]);
        Assert.True(analyst.Reachable);
        Assert.Contains(analyst.Through, t => t.Contains("group analysts", StringComparison.Ordinal) && t.Contains("read-exports", StringComparison.Ordinal));

        var auditor = Reach(Exports, [User("auditor")]);
        Assert.True(auditor.Reachable);
        Assert.Contains(auditor.Through, t => t.Contains("group auditors", StringComparison.Ordinal) && t.Contains("policy/ExportsRead", StringComparison.Ordinal));
    }

    [Fact]
    public void A_role_the_attacker_assumed_reads_through_the_roles_own_policy()
    {
        var session = new AttackerIdentity
        {
            Id = "session-key:ASIAEXAMPLE", Kind = IdentityKind.SessionKey, Name = "ASIAEXAMPLE", Owner = "etl",
            Arn = $"arn:aws:sts::{account.Range.State.AccountId}:assumed-role/etl/attacker", Confidence = Confidence.Confirmed, Reason = "test",
        };
        var reach = Reach(Exports, [session]);
        Assert.True(reach.Reachable);
        Assert.Contains(reach.Through, t => t.StartsWith("role etl", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bucket_policy_for_everyone_or_for_an_outside_account_the_attacker_shared_with_lets_the_attacker_in_without_any_identity_policy()
    {
        Assert.True(Reach(Public, [User("nobody")]).Reachable);
        Assert.True(Reach(Partner, [User("nobody")], Outside).Reachable);
        Assert.False(Reach(Partner, [User("nobody")], "999988887777").Reachable);
    }

    [Fact]
    public void An_unconditional_deny_in_the_bucket_policy_wins_over_administrator_access()
    {
        Assert.True(Reach(Exports, [User("admin")]).Reachable);
        var locked = Reach(Locked, [User("admin")]);
        Assert.False(locked.Reachable);
    }

    [Fact]
    public void A_bucket_policy_that_could_not_be_read_makes_it_unknown_never_no()
    {
        var reach = Reach(Sealed, [User("nobody")]);
        Assert.Null(reach.Reachable);
        Assert.Contains(reach.Unknown, u => u.English.Contains(Sealed, StringComparison.Ordinal));
        // An identity policy that lets the user in still decides it: an unread bucket policy only hides a possible Deny.
        Assert.True(Reach(Sealed, [User("admin")]).Reachable);
    }

    [Fact]
    public void Without_the_iam_authorization_details_a_user_with_no_policy_seen_is_unknown_not_no()
    {
        var chain = new ChainResult([User("nobody")], [], [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));
        var reach = new ReadAccess(new AccountSnapshot(), chain, []).S3(Exports);
        Assert.Null(reach.Reachable);
        Assert.Contains(reach.Unknown, u => u.English.Contains("authorization details", StringComparison.Ordinal));
    }

    [Fact]
    public void An_allow_outside_the_users_permissions_boundary_is_no_allow_and_one_inside_it_is()
    {
        var fenced = Reach(Exports, [User("fenced-admin")]);
        Assert.False(fenced.Reachable);

        var within = Reach(Exports, [User("bounded-admin")]);
        Assert.True(within.Reachable);
        Assert.Contains(within.Through, t => t.Contains("permissions boundary S3ReadBoundary", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bucket_acl_granting_everyone_read_lets_the_attacker_list_it_unless_block_public_access_ignores_public_acls()
    {
        var listing = Reach(Listing, [User("nobody")]);
        Assert.True(listing.Reachable);
        Assert.Equal([$"ACL of {Listing}: READ for AllUsers (lists its objects)"], listing.Through);

        // IgnorePublicAcls: S3 ignores the grant to every AWS account, FULL_CONTROL included.
        var ignored = Reach(IgnoredListing, [User("nobody")]);
        Assert.False(ignored.Reachable);
        Assert.Empty(ignored.Unknown);
    }

    [Fact]
    public void Restrict_public_buckets_shuts_a_public_policy_to_everyone_outside_the_account_the_named_outside_account_included_but_not_to_the_accounts_own_principals()
    {
        // botocore's s3 model: "public and cross-account access within any public bucket policy, including non-public delegation
        // to specific accounts, is blocked" — the same reading as close-data-door's (OpenedBucket.OpenTo) and the drill's judge.
        var outside = Reach(Restricted, [], Outside);
        Assert.Empty(outside.Through);
        Assert.Equal(["no attacker principal known"], outside.Unknown.Select(u => u.English));
        // Unrestricted, the same kind of policy lets everyone in.
        Assert.Contains($"bucket policy of {Public}: everyone", Reach(Public, [], Outside).Through);
        // "restricts access to this bucket to only AWS service principals and authorized users within this account": the
        // attacker's own user in the account is still let in by the policy's statement for everyone.
        var inside = Reach(Restricted, [User("nobody")], Outside);
        Assert.True(inside.Reachable);
        Assert.Equal([$"bucket policy of {Restricted}, for user nobody or everyone"], inside.Through);
    }

    [Fact]
    public void A_bucket_acl_or_block_public_access_that_could_not_be_read_makes_it_unknown_and_names_which()
    {
        var acl = Reach(AclSealed, [User("nobody")]);
        Assert.Null(acl.Reachable);
        Assert.Equal([$"the ACL of {AclSealed} not read"], acl.Unknown.Select(u => u.English));

        // The public policy lets everyone in unless Block Public Access restricts it, and that was not read.
        var block = Reach(BlockSealed, [], Outside);
        Assert.Null(block.Reachable);
        Assert.Contains($"the Block Public Access settings of {BlockSealed} not read", block.Unknown.Select(u => u.English));
    }

    [Fact]
    public void A_bucket_policy_for_everyone_under_a_condition_not_decided_is_unknown_naming_the_condition_never_everyone_nor_nobody()
    {
        var vpce = Reach(VpceOnly, [User("nobody")], Outside);
        Assert.Null(vpce.Reachable);
        Assert.Empty(vpce.Through);
        Assert.Contains($"the bucket policy of {VpceOnly} lets everyone in only under condition aws:SourceVpce StringEquals vpce-1a2b3c4d, "
                        + "which the collected state cannot decide", vpce.Unknown.Select(u => u.English));
        Assert.Contains(vpce.Unknown, u => u.Texts["ja"].Contains("aws:SourceVpce StringEquals vpce-1a2b3c4d", StringComparison.Ordinal)
                                           && u.Texts["ja"].Contains("全員", StringComparison.Ordinal));

        // aws:PrincipalOrgID: only the organisation's principals, whose membership was not collected.
        var org = Reach(OrgOnly, [], Outside);
        Assert.Null(org.Reachable);
        Assert.Contains(org.Unknown, u => u.English.Contains("only under condition aws:PrincipalOrgID StringEquals o-a1b2c3d4e5", StringComparison.Ordinal));
    }

    [Fact]
    public void A_condition_that_does_not_restrict_who_asks_leaves_a_grant_for_everyone_what_it_is()
    {
        var tls = Reach(TlsOnly, [], Outside);
        Assert.True(tls.Reachable);
        Assert.Equal([$"bucket policy of {TlsOnly}: everyone"], tls.Through);
    }

    [Fact]
    public void A_grant_to_the_outside_account_only_from_some_addresses_is_unknown_and_names_the_account_and_the_condition()
    {
        var reach = Reach(OutsideFromAddress, [User("nobody")], Outside);
        Assert.Null(reach.Reachable);
        Assert.Contains($"the bucket policy of {OutsideFromAddress} lets account {Outside} in only under condition aws:SourceIp IpAddress 203.0.113.0/24, "
                        + "which the collected state cannot decide", reach.Unknown.Select(u => u.English));
    }

    [Fact]
    public void Objects_under_an_sse_kms_key_the_outside_account_may_not_use_are_not_readable_there_whatever_the_bucket_policy_says()
    {
        var closed = Reach(KmsClosed, [User("nobody")], Outside);
        Assert.False(closed.Reachable);
        Assert.Empty(closed.Unknown);

        var open = Reach(KmsOpen, [User("nobody")], Outside);
        Assert.True(open.Reachable);
        Assert.Contains(open.Through, t => t.StartsWith($"bucket policy of {KmsOpen}: an outside account", StringComparison.Ordinal)
                                           && t.Contains($"key policy of KMS key", StringComparison.Ordinal) && t.Contains(Outside, StringComparison.Ordinal));
    }

    [Fact]
    public void Objects_under_the_aws_managed_s3_key_are_never_readable_by_another_account_even_through_a_public_policy()
    {
        var managed = Reach(KmsManaged, [], Outside);
        Assert.Empty(managed.Through);
        Assert.Equal(["no attacker principal known"], managed.Unknown.Select(u => u.English));
        // The account's own principals use aws/s3 through S3: the public policy still lets the attacker's user in.
        Assert.Equal([$"bucket policy of {KmsManaged}, for user nobody or everyone"], Reach(KmsManaged, [User("nobody")]).Through);
    }

    [Fact]
    public void A_principal_reads_sse_kms_objects_through_its_iam_policies_only_when_the_key_policy_delegates_to_the_account()
    {
        // AdministratorAccess, but the key policy names only a key-admin role: KMS lets the administrator decrypt nothing.
        var undelegated = Reach(KmsUndelegated, [User("admin")]);
        Assert.False(undelegated.Reachable);
        Assert.Empty(undelegated.Unknown);

        // The default key policy (the account's root): the administrator's own policy grants kms:Decrypt.
        var delegated = Reach(KmsDelegated, [User("admin")]);
        Assert.True(delegated.Reachable);
        Assert.Contains(delegated.Through, t => t.Contains("user admin: attached", StringComparison.Ordinal)
                                                && t.Contains("kms:Decrypt on KMS key", StringComparison.Ordinal));
        // A user allowed s3:GetObject on every bucket and nothing on KMS reads no object under the key.
        Assert.False(Reach(KmsDelegated, [User("auditor")]).Reachable);
    }
}
