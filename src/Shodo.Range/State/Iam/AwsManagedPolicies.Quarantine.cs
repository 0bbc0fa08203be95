namespace Shodo.Range.State.Iam;

/// <summary>
/// The policies AWS attaches to an IAM user whose key it found exposed. V1 (2020-08-11, v1) and
/// V3 (created 2024-08-21, default version v2 of 2024-10-02): their exact action lists.
/// </summary>
public static partial class AwsManagedPolicies
{
    private const string QuarantineV1 = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Deny",
              "Action": [
                "iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:ChangePassword",
                "iam:CreateAccessKey", "iam:CreateInstanceProfile", "iam:CreateLoginProfile", "iam:CreateRole",
                "iam:CreateUser", "iam:DetachUserPolicy", "iam:PutUserPermissionsBoundary", "iam:PutUserPolicy",
                "iam:UpdateAccessKey", "iam:UpdateAccountPasswordPolicy", "iam:UpdateUser",
                "ec2:RequestSpotInstances", "ec2:RunInstances", "ec2:StartInstances",
                "organizations:CreateAccount", "organizations:CreateOrganization",
                "organizations:InviteAccountToOrganization", "lambda:CreateFunction",
                "lightsail:Create*", "lightsail:Start*", "lightsail:Delete*", "lightsail:Update*",
                "lightsail:GetInstanceAccessDetails", "lightsail:DownloadDefaultKeyPair"
              ],
              "Resource": ["*"]
            }
          ]
        }
        """;

    private const string QuarantineV3 = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Deny",
              "Action": [
                "cloudtrail:LookupEvents",
                "ec2:RequestSpotInstances", "ec2:RunInstances", "ec2:StartInstances",
                "iam:AddUserToGroup", "iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy",
                "iam:ChangePassword", "iam:CreateAccessKey", "iam:CreateInstanceProfile", "iam:CreateLoginProfile",
                "iam:CreatePolicyVersion", "iam:CreateRole", "iam:CreateUser", "iam:DetachUserPolicy",
                "iam:PassRole", "iam:PutGroupPolicy", "iam:PutRolePolicy", "iam:PutUserPermissionsBoundary",
                "iam:PutUserPolicy", "iam:SetDefaultPolicyVersion", "iam:UpdateAccessKey",
                "iam:UpdateAccountPasswordPolicy", "iam:UpdateAssumeRolePolicy", "iam:UpdateLoginProfile",
                "iam:UpdateUser",
                "lambda:AddLayerVersionPermission", "lambda:AddPermission", "lambda:CreateFunction",
                "lambda:GetPolicy", "lambda:ListTags", "lambda:PutProvisionedConcurrencyConfig",
                "lambda:TagResource", "lambda:UntagResource", "lambda:UpdateFunctionCode",
                "lightsail:Create*", "lightsail:Delete*", "lightsail:DownloadDefaultKeyPair",
                "lightsail:GetInstanceAccessDetails", "lightsail:Start*", "lightsail:Update*",
                "organizations:CreateAccount", "organizations:CreateOrganization",
                "organizations:InviteAccountToOrganization",
                "s3:DeleteBucket", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutLifecycleConfiguration",
                "s3:PutBucketAcl", "s3:PutBucketOwnershipControls", "s3:DeleteBucketPolicy",
                "s3:ObjectOwnerOverrideToBucketOwner", "s3:PutAccountPublicAccessBlock", "s3:PutBucketPolicy",
                "s3:ListAllMyBuckets",
                "ec2:PurchaseReservedInstancesOffering", "ec2:AcceptReservedInstancesExchangeQuote",
                "ec2:CreateReservedInstancesListing", "savingsplans:CreateSavingsPlan",
                "ecs:CreateService", "ecs:CreateCluster", "ecs:RegisterTaskDefinition", "ecr:GetAuthorizationToken",
                "bedrock:CreateModelInvocationJob", "bedrock:InvokeModelWithResponseStream",
                "bedrock:CreateFoundationModelAgreement", "bedrock:PutFoundationModelEntitlement",
                "bedrock:InvokeModel",
                "s3:CreateBucket", "s3:PutBucketCors", "s3:GetObject", "s3:ListBucket",
                "sagemaker:CreateEndpointConfig", "sagemaker:CreateProcessingJob",
                "ses:GetSendQuota", "ses:ListIdentities",
                "sts:GetSessionToken", "sts:GetFederationToken",
                "amplify:CreateDeployment", "amplify:CreateBackendEnvironment", "codebuild:CreateProject",
                "glue:CreateJob", "iam:DeleteRole", "iam:DeleteAccessKey", "iam:ListUsers",
                "lambda:GetEventSourceMapping", "sns:GetSMSAttributes", "mediapackagev2:CreateChannel"
              ],
              "Resource": ["*"]
            }
          ]
        }
        """;
}
