namespace Shodo.Range.State.Iam;

/// <summary>
/// ReadOnlyAccess. The real policy lists read actions of several hundred services; the range keeps
/// the real entries for the services it serves (and a few neighbours) — a faithful subset.
/// </summary>
public static partial class AwsManagedPolicies
{
    private const string ReadOnlyAccess = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "ReadOnlyAccessSubset",
              "Effect": "Allow",
              "Action": [
                "autoscaling:Describe*", "autoscaling:GetPredictiveScalingForecast",
                "cloudtrail:Describe*", "cloudtrail:Get*", "cloudtrail:List*", "cloudtrail:LookupEvents",
                "ec2:Describe*", "ec2:Get*", "ec2:List*", "ec2:Search*",
                "iam:Generate*", "iam:Get*", "iam:List*", "iam:Simulate*",
                "rds:Describe*", "rds:List*", "rds:Download*",
                "s3:DescribeJob", "s3:Get*", "s3:List*",
                "sts:GetAccessKeyInfo", "sts:GetCallerIdentity", "sts:GetSessionToken",
                "cloudwatch:Describe*", "cloudwatch:Get*", "cloudwatch:List*",
                "logs:Describe*", "logs:Get*", "logs:FilterLogEvents", "logs:StartQuery", "logs:StopQuery",
                "organizations:Describe*", "organizations:List*",
                "guardduty:Get*", "guardduty:List*", "config:Describe*", "config:Get*", "config:List*",
                "kms:Describe*", "kms:Get*", "kms:List*", "ram:Get*", "ram:List*"
              ],
              "Resource": "*"
            }
          ]
        }
        """;
}
