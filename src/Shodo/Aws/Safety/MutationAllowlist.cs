namespace Shodo.Aws.Safety;

/// <summary>
/// The only state-changing AWS operations Shodo may send. Each one disables, stops, marks or
/// preserves; none deletes, detaches or gives anything away. Kept minimal on purpose: an entry
/// exists only because containment or evidence capture needs it.
/// </summary>
public static class MutationAllowlist
{
    public static IReadOnlyList<AllowedMutation> Entries { get; } =
    [
        new(AwsOperation.Of("iam", "UpdateAccessKey"), "Set a leaked access key to Inactive (reversible; the key and its history stay)."),
        new(AwsOperation.Of("iam", "PutUserPolicy"), "Attach an inline explicit-deny policy to a compromised user; removing it restores access."),
        new(AwsOperation.Of("iam", "PutRolePolicy"), "Inline deny on a role, e.g. revoking sessions issued before a time (aws:TokenIssueTime)."),
        new(AwsOperation.Of("iam", "AttachUserPolicy"), "Attach the AWS managed AWSDenyAll policy to a compromised user whose inline policies are at IAM's size quota (the inline deny is refused)."),
        new(AwsOperation.Of("iam", "AttachRolePolicy"), "Attach AWSDenyAll to a role the attacker assumes when its inline policies are at IAM's size quota (the inline deny is refused)."),
        new(AwsOperation.Of("iam", "TagUser"), "Mark a contained user (who, when, which case) so the state is visible in the console."),
        new(AwsOperation.Of("iam", "UpdateLoginProfile"),
            "Only PasswordResetRequired=true on a compromised user's console password (reversible; never a new password, " +
            "the login profile stays): the sign-in must change it, which Shodo's deny refuses."),
        new(AwsOperation.Of("ec2", "StopInstances"), "Stop (not terminate) attacker instances: billing stops, the disks stay as evidence."),
        new(AwsOperation.Of("ec2", "CreateSnapshot"), "Preserve an instance's volume before anything else touches it."),
        new(AwsOperation.Of("ec2", "CreateSnapshots"), "Preserve all of an instance's volumes at one point in time."),
        new(AwsOperation.Of("ec2", "CreateTags"), "Mark contained instances and evidence snapshots with the case id."),
        new(AwsOperation.Of("ec2", "ModifyInstanceAttribute"), "Turn on termination protection and change the shutdown behaviour to 'stop' so evidence survives."),
        new(AwsOperation.Of("ec2", "CancelSpotInstanceRequests"),
            "Cancel attacker spot requests so no new instances launch. Cancelling a request terminates nothing: " +
            "running instances stay (and are stopped separately), the request record stays visible, and its state is journaled first.",
            DestructiveVerbException: true),
        new(AwsOperation.Of("ec2", "StartInstances"),
            "Roll back a containment stop after a false alarm, with approval; it starts an instance Shodo stopped and nothing else."),
        new(AwsOperation.Of("ec2", "CreateSecurityGroup"),
            "Create the empty quarantine security group (tagged with the case id) that isolates an instance which cannot be stopped."),
        new(AwsOperation.Of("ec2", "RevokeSecurityGroupEgress"),
            "Only on the quarantine group Shodo itself just created (tagged shodo:quarantine): remove the allow-all egress rule EC2 " +
            "adds to every new group, so the group has no rules. Never sent for a group Shodo did not create; it terminates nothing.",
            DestructiveVerbException: true),
        new(AwsOperation.Of("ec2", "CancelSpotFleetRequests"),
            "Cancel an attacker spot fleet so it launches nothing more, always with TerminateInstances=false: it terminates nothing, " +
            "the fleet's instances stay (and are stopped or isolated separately), and its state is journaled first.",
            DestructiveVerbException: true),
        new(AwsOperation.Of("rds", "ModifyDBSnapshotAttribute"),
            "Un-share a DB snapshot the attacker shared: remove the outside accounts (or 'all') from its restore attribute, the " +
            "attribute journaled first. Deletes nothing; shodo rollback adds back exactly the accounts the journal recorded."),
        new(AwsOperation.Of("ec2", "ModifySnapshotAttribute"),
            "Un-share an EBS snapshot the attacker shared: remove the outside accounts (or the group 'all') from its " +
            "createVolumePermission, the attribute journaled first. Deletes nothing; shodo rollback adds back exactly what the journal recorded."),
        new(AwsOperation.Of("rds", "ModifyDBClusterSnapshotAttribute"),
            "Un-share an Aurora cluster snapshot the attacker shared: remove the outside accounts (or 'all') from its restore " +
            "attribute, the attribute journaled first. Deletes nothing; shodo rollback adds back exactly the accounts the journal recorded."),
        new(AwsOperation.Of("ec2", "ModifyImageAttribute"),
            "Un-share an AMI the attacker shared: remove the outside accounts (or the group 'all') from its launchPermission, the " +
            "attribute journaled first. Deletes nothing (the image and its snapshots stay); shodo rollback adds back exactly what the journal recorded."),
        new(S3.S3Operations.PutPublicAccessBlock,
            "Close a bucket the attacker opened: Block Public Access fully on, the bucket's settings (absent included) journaled " +
            "first. Deletes nothing; shodo rollback puts back exactly the journaled settings (a bucket that had none gets all four " +
            "off, which S3 treats the same, so DeletePublicAccessBlock never needs to be sent)."),
        new(S3Control.S3ControlOperations.PutPublicAccessBlock,
            "Close the account's Block Public Access the attacker deleted or weakened: all four settings on, the account's settings " +
            "(absent included) journaled first. Deletes nothing; shodo rollback puts back exactly the journaled settings (an account " +
            "that had none gets all four off, which S3 treats the same, so DeletePublicAccessBlock never needs to be sent)."),
        new(S3.S3Operations.PutBucketPolicy,
            "Close a bucket the attacker opened to an outside account: the policy as read plus one Deny (Sid ShodoCloseDataDoor) " +
            "naming those accounts, the whole previous policy journaled first; the attacker's statements stay as evidence. " +
            "shodo rollback puts back the journaled policy exactly."),
        new(AwsOperation.Of("kms", "PutKeyPolicy"),
            "Close a KMS key policy the attacker opened to an outside account: the policy as read minus those accounts' principals " +
            "(a statement naming only them goes), the whole previous policy journaled first; never bypassing KMS's lockout safety " +
            "check. Deletes no key, grant or statement of the account's own; shodo rollback puts back the journaled policy exactly."),
        new(AwsOperation.Of("ec2", "ModifyNetworkInterfaceAttribute"),
            "Move each network interface of an instance that cannot be stopped into the quarantine group (EC2 refuses an instance's groups when it has several interfaces); reversed by restoring each interface's recorded groups."),
        new(AwsOperation.Of("ec2", "AuthorizeSecurityGroupIngress"),
            "Only on the all-open group Shodo itself just created (tagged shodo:untrack): the rule that makes an instance's existing connections untracked for a moment, so the quarantine group that follows cuts them."),
        new(AwsOperation.Of("athena", "StartQueryExecution"), "Run a detection query (a SELECT) over the trail table; it writes only query results, to the output location given."),
        new(AwsOperation.Of("cloudtrail", "StartLogging"), "Restart a trail the attacker stopped, so what happens next is recorded."),
        new(AwsOperation.Of("autoscaling", "SuspendProcesses"),
            "Suspend Launch, Terminate, HealthCheck, ReplaceUnhealthy and AZRebalance of a group whose instance is about to be stopped, " +
            "so the group neither terminates the stopped instance (the evidence) nor launches a replacement; the group's before-state is journaled first."),
        new(AwsOperation.Of("autoscaling", "ResumeProcesses"),
            "Roll back a suspension after a false alarm, with approval: resumes exactly the processes Shodo suspended, nothing else."),
        new(AwsOperation.Of("organizations", "CreatePolicy"),
            "From the management account: Shodo's service control policy for one member account the attacker reached (named " +
            "ShodoContainment-CASE-ACCOUNT), denying the attacker's principals by aws:PrincipalArn (role sessions issued before the " +
            "containment, by aws:TokenIssueTime). It is attached to nothing when created and grants nothing."),
        new(AwsOperation.Of("organizations", "AttachPolicy"),
            "Attach Shodo's own deny SCP to the member account it was made for, the account's attached policies journaled first: the " +
            "only lever over a member's Identity Center roles and root user. Reversible: shodo rollback makes it deny nothing."),
        new(AwsOperation.Of("organizations", "UpdatePolicy"),
            "Only Shodo's own SCP (ShodoContainment-CASE-ACCOUNT): add principals the attacker gained since, or, on rollback with " +
            "approval, replace its content with one that denies nothing. Shodo detaches and deletes no policy."),
        new(AwsOperation.Of("ec2", "ModifySpotFleetRequest"),
            "Hold a Spot Fleet of type maintain before its instances are stopped: target capacity 0 with ExcessCapacityTerminationPolicy " +
            "noTermination, so it neither replaces a stopped instance nor terminates any; the fleet's before-state is journaled first and " +
            "shodo rollback sets back the capacity and policy it recorded."),
        new(AwsOperation.Of("ec2", "ModifyFleet"),
            "Hold an EC2 Fleet of type maintain before its instances are stopped: TotalTargetCapacity 0 with ExcessCapacityTerminationPolicy " +
            "no-termination, so it neither replaces a stopped instance nor terminates any (never DeleteFleets); the fleet's before-state is " +
            "journaled first and shodo rollback sets back the capacity and policy it recorded."),
        new(AwsOperation.Of("sts", "AssumeRole"), "Obtain the responder role's (or a member account's) temporary credentials; changes no resource."),
    ];

    public static IReadOnlySet<string> Keys { get; } = Entries.Select(e => e.Operation.Key).ToHashSet(StringComparer.Ordinal);

    public static bool Allows(AwsOperation operation) => Keys.Contains(operation.Key);
}

/// <summary>
/// One allowed mutation and why containment needs it. <paramref name="DestructiveVerbException"/>
/// marks the one documented case whose verb is on the destructive list but whose effect is not.
/// </summary>
public sealed record AllowedMutation(AwsOperation Operation, string Why, bool DestructiveVerbException = false);
