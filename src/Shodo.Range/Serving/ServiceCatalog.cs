namespace Shodo.Range.Serving;

/// <summary>Every AWS service the range serves, one line each.</summary>
public static class ServiceCatalog
{
    public static IReadOnlyList<IAwsService> Create() =>
    [
        new Services.Sts.StsService(),
        new Services.Iam.IamService(),
        new Services.Ec2.Ec2Service(),
        new Services.CloudTrail.CloudTrailService(),
        new Services.S3.S3Service(),
        new Services.Rds.RdsService(),
        new Services.AutoScaling.AutoScalingService(),
        new Services.Organizations.OrganizationsService(),
        new Services.Ram.RamService(),
        new Services.Kms.KmsService(),
    ];
}
