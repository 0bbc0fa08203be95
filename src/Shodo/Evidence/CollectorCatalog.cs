using Shodo.Evidence.Collectors.CloudTrail;
using Shodo.Evidence.Collectors.Ec2;
using Shodo.Evidence.Collectors.Iam;
using Shodo.Evidence.Collectors.Rds;
using Shodo.Evidence.Collectors.S3;

namespace Shodo.Evidence;

/// <summary>Every collector <c>shodo collect</c> runs, one line each, most urgent first.</summary>
public static class CollectorCatalog
{
    public static IReadOnlyList<ICollector> All { get; } =
    [
        new IamAuthorizationDetailsCollector(),
        new IamCredentialReportCollector(),
        new IamUsersCollector(),
        new IamRolesCollector(),
        new IamAccountCollector(),
        new IamQuarantinePolicyCollector(),
        new Ec2InstancesCollector(),
        new Ec2SpotRequestsCollector(),
        new Ec2VolumesCollector(),
        new Ec2SnapshotsCollector(),
        new Ec2ImagesCollector(),
        new Ec2SecurityGroupsCollector(),
        new Ec2KeyPairsCollector(),
        new Ec2LaunchTemplatesCollector(),
        new S3BucketsCollector(),
        new RdsInstancesCollector(),
        new RdsSnapshotsCollector(),
        new RdsClustersCollector(),
        new RdsClusterSnapshotsCollector(),
        new CloudTrailTrailsCollector(),
        new Collectors.AutoScaling.AutoScalingGroupsCollector(),
        new Collectors.Ram.RamSharesCollector(),
        new Collectors.Kms.KmsKeysCollector(),
        new Collectors.Organizations.OrganizationCollector(),
    ];

    public static ICollector? Find(string name) => All.FirstOrDefault(c => c.Name == name);
}
