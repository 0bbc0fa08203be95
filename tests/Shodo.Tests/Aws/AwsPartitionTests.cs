using Shodo.Aws;
using Shodo.Containment.Actions;
using Shodo.Evidence.Collectors.Iam;
using Shodo.Investigation.Suspicion;

namespace Shodo.Tests.Aws;

/// <summary>
/// Partitions (issue 19, item 6): ARNs Shodo writes (AWSDenyAll, the quarantine policies, the SCP for a member's root) name the
/// account's partition, ARNs it reads are recognised in any partition, and IAM's events are looked for in the partition's home region.
/// </summary>
public sealed class AwsPartitionTests
{
    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/dev", "aws")]
    [InlineData("arn:aws-cn:iam::111122223333:user/dev", "aws-cn")]
    [InlineData("arn:aws-us-gov:sts::111122223333:assumed-role/r/s", "aws-us-gov")]
    [InlineData("AKIAIOSFODNN7EXAMPLE", null)]
    [InlineData(null, null)]
    public void The_partition_is_read_from_an_arn(string? arn, string? partition) => Assert.Equal(partition, AwsPartition.OfArn(arn));

    [Theory]
    [InlineData("cn-north-1", "aws-cn", "cn-north-1")]
    [InlineData("cn-northwest-1", "aws-cn", "cn-north-1")]
    [InlineData("us-gov-east-1", "aws-us-gov", "us-gov-west-1")]
    [InlineData("ap-east-1", "aws", "us-east-1")]
    public void A_region_names_its_partition_and_where_IAM_events_are_recorded(string region, string partition, string iamEvents)
    {
        Assert.Equal(partition, AwsPartition.OfRegion(region));
        Assert.Equal(iamEvents, AwsPartition.IamEventRegion(AwsPartition.OfRegion(region)));
    }

    [Fact]
    public void The_principals_arn_wins_over_the_region()
    {
        Assert.Equal("aws-cn", AwsPartition.Of("arn:aws-cn:iam::111122223333:user/dev", "us-east-1"));
        Assert.Equal("aws-us-gov", AwsPartition.Of(null, "us-gov-west-1"));
    }

    [Fact]
    public void Policies_shodo_writes_name_the_partition()
    {
        Assert.Equal("arn:aws-cn:iam::aws:policy/AWSDenyAll", DenyAllFallback.PolicyArnIn("aws-cn"));
        Assert.Equal("arn:aws:iam::aws:policy/AWSDenyAll", DenyAllFallback.PolicyArn);
        Assert.Contains("\"aws:PrincipalArn\":\"arn:aws-us-gov:iam::*:root\"", EscalateRootKey.DenyRootScpIn("aws-us-gov"));
        Assert.Contains("\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"", EscalateRootKey.DenyRootScp);
        Assert.All(IamQuarantinePolicyCollector.QuarantinePolicyArns("cn-north-1"), a => Assert.StartsWith("arn:aws-cn:iam::aws:policy/AWSCompromisedKeyQuarantine", a));
    }

    [Fact]
    public void Policies_shodo_reads_are_recognised_in_any_partition()
    {
        Assert.True(DenyAllFallback.IsDenyAll("arn:aws-cn:iam::aws:policy/AWSDenyAll"));
        Assert.True(DenyAllFallback.IsDenyAll("arn:aws:iam::aws:policy/AWSDenyAll"));
        Assert.False(DenyAllFallback.IsDenyAll("arn:aws-cn:iam::111122223333:policy/AWSDenyAll"));
        Assert.True(AdminEquivalence.IsAdminPolicy("arn:aws-us-gov:iam::aws:policy/AdministratorAccess"));
        Assert.Equal("arn:aws:s3:::bucket/key", AwsPartition.InCommercial("arn:aws-cn:s3:::bucket/key"));
    }
}
