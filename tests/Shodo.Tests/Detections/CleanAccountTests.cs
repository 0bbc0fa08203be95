using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Sigma;

namespace Shodo.Tests.Detections;

/// <summary>
/// A clean account's ordinary day - a developer reading and deploying, a CI role building and
/// releasing, an operator rotating the CI key - must not raise anything above Low.
/// </summary>
public class CleanAccountTests
{
    private const string Account = "111122223333";

    private static JsonObject Developer() => new()
    {
        ["type"] = "IAMUser", ["principalId"] = "AIDAEXAMPLEDEV000001", ["arn"] = $"arn:aws:iam::{Account}:user/dev-tanaka",
        ["accountId"] = Account, ["accessKeyId"] = "AKIAEXAMPLEDEV00001", ["userName"] = "dev-tanaka",
    };

    private static JsonObject Operator() => new()
    {
        ["type"] = "IAMUser", ["principalId"] = "AIDAEXAMPLEOPS000001", ["arn"] = $"arn:aws:iam::{Account}:user/ops-sato",
        ["accountId"] = Account, ["accessKeyId"] = "AKIAEXAMPLEOPS00001", ["userName"] = "ops-sato",
    };

    private static JsonObject CiRole() => new()
    {
        ["type"] = "AssumedRole", ["principalId"] = "AROAEXAMPLECI0000001:build-4711",
        ["arn"] = $"arn:aws:sts::{Account}:assumed-role/ci-deploy/build-4711", ["accountId"] = Account,
        ["accessKeyId"] = "ASIAEXAMPLECI000001",
        ["sessionContext"] = new JsonObject
        {
            ["sessionIssuer"] = new JsonObject
            {
                ["type"] = "Role", ["principalId"] = "AROAEXAMPLECI0000001", ["arn"] = $"arn:aws:iam::{Account}:role/ci-deploy",
                ["accountId"] = Account, ["userName"] = "ci-deploy",
            },
            ["attributes"] = new JsonObject { ["mfaAuthenticated"] = "false", ["creationDate"] = "2026-11-27T09:00:00Z" },
        },
    };

    private static JsonObject AutoScaling() => new()
    {
        ["type"] = "AWSService", ["invokedBy"] = "autoscaling.amazonaws.com",
    };

    private static JsonElement Event(JsonObject identity, string source, string name, JsonObject? request = null,
        JsonObject? response = null, JsonObject? additional = null, string category = "Management")
    {
        var record = new JsonObject
        {
            ["eventVersion"] = "1.09", ["userIdentity"] = identity, ["eventTime"] = "2026-11-27T10:00:00Z",
            ["eventSource"] = $"{source}.amazonaws.com", ["eventName"] = name, ["awsRegion"] = "ap-northeast-1",
            ["sourceIPAddress"] = "203.0.113.24", ["userAgent"] = "aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0",
            ["requestParameters"] = request, ["responseElements"] = response, ["additionalEventData"] = additional,
            ["eventID"] = Guid.NewGuid().ToString(), ["readOnly"] = name.StartsWith("Get") || name.StartsWith("List") || name.StartsWith("Describe"),
            ["eventType"] = "AwsApiCall", ["managementEvent"] = category == "Management", ["recipientAccountId"] = Account,
            ["eventCategory"] = category,
        };
        return JsonSerializer.SerializeToElement(record);
    }

    public static IEnumerable<JsonElement> CleanDay()
    {
        foreach (var who in new Func<JsonObject>[] { Developer, CiRole })
        {
            yield return Event(who(), "sts", "GetCallerIdentity");
            yield return Event(who(), "ec2", "DescribeInstances", new JsonObject { ["filterSet"] = new JsonObject() });
            yield return Event(who(), "ec2", "DescribeRegions");
            yield return Event(who(), "ec2", "DescribeSecurityGroups");
            yield return Event(who(), "ec2", "DescribeSnapshots", new JsonObject { ["ownersSet"] = new JsonObject() });
            yield return Event(who(), "s3", "ListBuckets");
            yield return Event(who(), "s3", "ListObjectsV2", new JsonObject { ["bucketName"] = "acme-staging-assets" }, category: "Data");
            yield return Event(who(), "s3", "GetObject", new JsonObject { ["bucketName"] = "acme-staging-assets", ["key"] = "static/app.js" }, category: "Data");
            yield return Event(who(), "iam", "ListUsers");
            yield return Event(who(), "iam", "GetUser");
            yield return Event(who(), "iam", "ListAttachedUserPolicies", new JsonObject { ["userName"] = "dev-tanaka" });
            yield return Event(who(), "iam", "ListRoles");
            yield return Event(who(), "rds", "DescribeDBInstances");
            yield return Event(who(), "rds", "DescribeDBSnapshots");
            yield return Event(who(), "cloudtrail", "DescribeTrails");
            yield return Event(who(), "cloudtrail", "GetTrailStatus", new JsonObject { ["name"] = "staging-audit" });
            yield return Event(who(), "cloudtrail", "LookupEvents");
            yield return Event(who(), "guardduty", "ListDetectors");
            yield return Event(who(), "guardduty", "GetFindings");
            yield return Event(who(), "config", "DescribeConfigurationRecorders");
            yield return Event(who(), "lambda", "ListFunctions20150331");
            yield return Event(who(), "lambda", "GetFunction20150331v2", new JsonObject { ["functionName"] = "api" });
            yield return Event(who(), "ecs", "DescribeClusters");
            yield return Event(who(), "secretsmanager", "ListSecrets");
            yield return Event(who(), "ssm", "DescribeParameters");
            yield return Event(who(), "ses", "ListIdentities");
            yield return Event(who(), "logs", "GetLogEvents");
        }
        // The CI role builds and releases.
        yield return Event(CiRole(), "sts", "AssumeRole", new JsonObject { ["roleArn"] = $"arn:aws:iam::{Account}:role/ci-deploy", ["roleSessionName"] = "build-4711" });
        yield return Event(CiRole(), "s3", "PutObject", new JsonObject { ["bucketName"] = "acme-staging-assets", ["key"] = "static/app.js" }, category: "Data");
        yield return Event(CiRole(), "secretsmanager", "GetSecretValue", new JsonObject { ["secretId"] = "staging/db" });
        yield return Event(CiRole(), "ssm", "GetParameters", new JsonObject { ["names"] = new JsonArray("/app/db-password"), ["withDecryption"] = true });
        yield return Event(CiRole(), "lambda", "UpdateFunctionCode20150331v2", new JsonObject { ["functionName"] = "api", ["publish"] = true });
        yield return Event(CiRole(), "ecs", "RegisterTaskDefinition", new JsonObject { ["family"] = "web" });
        yield return Event(CiRole(), "ecs", "UpdateService", new JsonObject { ["service"] = "web" });
        yield return Event(CiRole(), "cloudformation", "UpdateStack", new JsonObject { ["stackName"] = "staging" });
        // The developer tries a small sandbox instance and signs in to the console with MFA.
        yield return Event(Developer(), "ec2", "RunInstances", new JsonObject
        {
            ["instanceType"] = "t3.micro",
            ["instancesSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["imageId"] = "ami-0d52744d6551d851e", ["minCount"] = 1, ["maxCount"] = 1 }) },
        });
        yield return Event(Developer(), "ec2", "CreateTags", new JsonObject { ["resourcesSet"] = new JsonObject() });
        yield return Event(Developer(), "ec2", "ImportKeyPair", new JsonObject { ["keyName"] = "tanaka-laptop" });
        yield return Event(Developer(), "signin", "ConsoleLogin", response: new JsonObject { ["ConsoleLogin"] = "Success" },
            additional: new JsonObject { ["MFAUsed"] = "Yes", ["LoginTo"] = "https://console.aws.amazon.com/console/home" });
        yield return Event(Developer(), "ssm", "StartSession", new JsonObject { ["target"] = "i-0123456789abcdef0" });
        yield return Event(Developer(), "s3", "PutObject", new JsonObject { ["bucketName"] = "acme-staging-assets", ["key"] = "notes.txt" }, category: "Data");
        // The operator rotates the CI user's access key.
        yield return Event(Operator(), "iam", "CreateAccessKey", new JsonObject { ["userName"] = "ci-deploy" },
            new JsonObject { ["accessKey"] = new JsonObject { ["accessKeyId"] = "AKIAEXAMPLENEW00001", ["status"] = "Active", ["userName"] = "ci-deploy" } });
        yield return Event(Operator(), "iam", "UpdateAccessKey", new JsonObject { ["userName"] = "ci-deploy", ["accessKeyId"] = "AKIAEXAMPLECIOLD001", ["status"] = "Inactive" });
        yield return Event(Operator(), "iam", "GetAccountAuthorizationDetails");
        // Auto Scaling launches spot capacity on the account's behalf.
        yield return Event(AutoScaling(), "ec2", "RequestSpotInstances", new JsonObject { ["launchSpecification"] = new JsonObject { ["instanceType"] = "c5.large" } });
        yield return Event(AutoScaling(), "ec2", "RunInstances", new JsonObject
        {
            ["instanceType"] = "c5.large", ["instanceMarketOptions"] = new JsonObject { ["marketType"] = "spot" },
        });
    }

    [Fact]
    public void No_built_in_rule_above_low_fires_on_a_clean_day()
    {
        var alarms = (from record in CleanDay()
                      from rule in SigmaRuleSet.BuiltIn.Rules
                      where rule.Level > SigmaLevel.Low && rule.Matches(record)
                      select $"{rule.Title} ({rule.Level}) on {record.GetProperty("eventName")}").ToList();
        Assert.Empty(alarms);
    }

    [Fact]
    public void The_clean_day_still_exercises_the_low_rules()
    {
        // Guards the test above against a clean set that no rule looks at: the everyday calls the
        // playbook watches (GetCallerIdentity, key rotation, secrets reads) do match, at Low or below.
        var fired = CleanDay().SelectMany(r => SigmaRuleSet.BuiltIn.Rules.Where(rule => rule.Matches(r))).Select(r => r.Title).ToHashSet();
        Assert.Contains("AWS Credential Checked With GetCallerIdentity", fired);
        Assert.Contains("AWS Access Key Created For Another User", fired);
        Assert.Contains("AWS Secrets Manager Secret Read", fired);
        Assert.Contains("AWS SSM Parameters Read With Decryption", fired);
        Assert.Contains("AWS S3 Object Read", fired);
    }
}
