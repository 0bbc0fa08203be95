using System.Text.Json.Nodes;
using Shodo.Sigma;
using Shodo.Tests.Archives;

namespace Shodo.Tests.Hunting;

/// <summary>
/// Hand-made records with the shapes that make compiled rules go wrong (arrays that are missing, null,
/// empty, of scalars, of objects holding arrays; values that are objects; keywords deep in the record),
/// and detections over them with the event ids the local engine must find. Backends (SQL, jq) are
/// checked against both the local engine and these ids, so an agreement on "nothing" cannot pass.
/// </summary>
public static class EdgeCaseTrail
{
    private static JsonObject Record(string id, string json)
    {
        var record = JsonNode.Parse(json)!.AsObject();
        record["eventVersion"] = "1.08";
        record["eventID"] = id;
        record["eventTime"] = "2024-08-01T10:00:00Z";
        record["eventSource"] ??= "ec2.amazonaws.com";
        record["eventName"] ??= "AuthorizeSecurityGroupIngress";
        record["awsRegion"] = "us-east-1";
        record["userIdentity"] ??= new JsonObject { ["type"] = "IAMUser", ["userName"] = "alice", ["arn"] = "arn:aws:iam::111122223333:user/alice" };
        return record;
    }

    public static IReadOnlyList<JsonObject> Records =>
    [
        Record("r1", """
            {"requestParameters": {"groupId": "sg-1", "ipPermissions": {"items": [
                {"ipProtocol": "tcp", "ipRanges": {"items": [{"cidrIp": "10.0.0.0/8"}, {"cidrIp": "0.0.0.0/0"}]}}]}},
             "resources": [{"ARN": "arn:aws:s3:::bucket-a", "type": "AWS::S3::Bucket"}, {"ARN": "arn:aws:s3:::bucket-b/key", "accountId": "111122223333"}]}
            """),
        Record("r2", """{"requestParameters": {"ipPermissions": {"items": []}}, "resources": []}"""),
        Record("r3", """{"requestParameters": {"ipPermissions": null}, "resources": null}"""),
        Record("r4", """{"eventName": "DescribeInstances", "userAgent": "aws-cli/2.9.19"}"""),
        Record("r5", """
            {"eventName": "CreateTags", "requestParameters": {"tags": ["Prod", "dev"], "ports": [22, 443],
             "a": [{"b": [{"c": "deep"}, {"c": "other"}]}, {"b": {"c": "shallow"}}], "settings": [{"enabled": true}]}}
            """),
        Record("r6", """{"eventName": "CreateTags", "requestParameters": {"tags": [], "items": [{"name": null}, {"name": "x"}]}}"""),
        Record("r7", """
            {"eventName": "GetObject", "eventSource": "s3.amazonaws.com", "userAgent": "MiMiKaTz/2.2",
             "requestParameters": {"secretkeyname": {"note": "a needle-in-the-haystack"}, "bucketName": "loot"}}
            """),
        Record("r8", """
            {"eventName": "PutUserPolicy", "eventSource": "iam.amazonaws.com",
             "requestParameters": {"userName": "alice", "policy": {"Statement": [{"Effect": "Allow", "Action": "*"}]}, "copyOf": "ALICE"}}
            """),
    ];

    /// <summary>A detection (the lines under <c>detection:</c>) and the event ids it must match.</summary>
    public static TheoryData<string, string> Detections => new()
    {
        { "sel: {requestParameters.ipPermissions.items.ipRanges.items.cidrIp|endswith: '/0'}\n    condition: sel", "r1" },
        { "sel: {requestParameters.ipPermissions.items.ipRanges.items.cidrIp: null}\n    condition: sel", "r2 r3 r4 r5 r6 r7 r8" },
        { "sel: {requestParameters.ipPermissions.items.ipRanges.items.cidrIp|startswith: '10.'}\n    condition: not sel", "r2 r3 r4 r5 r6 r7 r8" },
        { "sel: {requestParameters.ipPermissions.items.ipRanges.items.cidrIp|exists: true}\n    condition: sel", "r1" },
        { "sel: {requestParameters.ipPermissions.items|exists: false}\n    condition: sel", "r3 r4 r5 r6 r7 r8" },
        { "sel: {requestParameters.ipPermissions.items.ipProtocol: TCP}\n    condition: sel", "r1" },
        { "sel: {resources.ARN|contains: 'bucket-b'}\n    condition: sel", "r1" },
        { "sel: {resources.type: 'aws::s3::bucket'}\n    condition: sel", "r1" },
        { "sel: {resources.ARN: null}\n    condition: sel", "r2 r3 r4 r5 r6 r7 r8" },
        { "sel: {resources.ARN|startswith: 'arn:aws:s3'}\n    condition: not sel", "r2 r3 r4 r5 r6 r7 r8" },
        { "sel: {requestParameters.tags: prod}\n    condition: sel", "r5" },
        { "sel: {requestParameters.tags|contains: '\"dev\"'}\n    condition: sel", "r5" },
        { "sel: {requestParameters.tags|contains|all: [pro, de]}\n    condition: sel", "r5" },
        { "sel: {requestParameters.tags|all: [prod, dev, test]}\n    condition: sel", "" },
        { "sel: {requestParameters.tags|exists: true}\n    condition: sel", "r5 r6" },
        { "sel: {requestParameters.tags: 'D?v'}\n    condition: sel", "r5" },
        { "sel: {requestParameters.tags|re: '^P'}\n    condition: sel", "r5" },
        { "sel: {requestParameters.ports: 22}\n    condition: sel", "r5" },
        { "sel: {requestParameters.ports|gt: 400}\n    condition: sel", "r5" },
        { "sel: {requestParameters.a.b.c: deep}\n    condition: sel", "r5" },
        { "sel: {requestParameters.a.b.c: shallow}\n    condition: sel", "r5" },
        { "sel: {requestParameters.settings.enabled: true}\n    condition: sel", "r5" },
        { "sel: {requestParameters.items.name: null}\n    condition: sel", "r1 r2 r3 r4 r5 r6 r7 r8" },
        { "sel: {requestParameters.items.name: x}\n    sel2: {requestParameters.items.name: null}\n    condition: sel and sel2", "r6" },
        { "sel: {requestParameters.policy|contains: '\"effect\":\"allow\"'}\n    condition: sel", "r8" },
        { "sel: {requestParameters.policy.Statement.Action: '*'}\n    condition: sel", "r8" },
        { "sel: {requestParameters.copyOf|fieldref: requestParameters.userName}\n    condition: sel", "r8" },
        { "sel: {requestParameters.copyOf|fieldref|cased: requestParameters.userName}\n    condition: sel", "" },
        { "sel: {userIdentity.userName|fieldref|startswith: requestParameters.copyOf}\n    condition: not sel", "r1 r2 r3 r4 r5 r6 r7" },
        { "keywords: [mimikatz]\n    condition: keywords", "r7" },
        { "keywords: [needle]\n    condition: keywords", "r7" },
        { "keywords: ['needle*haystack']\n    condition: keywords", "r7" },
        { "keywords: [secretkeyname]\n    condition: keywords", "" },
        { "keywords: [443]\n    condition: keywords", "r5" },
        { "keywords:\n        '|all': [needle, loot]\n    condition: keywords", "r7" },
        { "keywords: [needle, deep]\n    sel: {eventName: CreateTags}\n    condition: keywords and not sel", "r7" },
    };

    public static SigmaRule Rule(string detection) => SigmaRule.Parse($$"""
        title: form under test
        id: 11111111-2222-3333-4444-555555555555
        logsource: {product: aws, service: cloudtrail}
        detection:
            {{detection}}
        level: low
        """);

    /// <summary>Writes the records as one delivered trail file below <paramref name="dir"/>.</summary>
    public static void Write(string dir) =>
        ArchiveSamples.Write(dir, "AWSLogs/1/CloudTrail/us-east-1/edge-cases.json.gz", ArchiveSamples.Gzip(ArchiveSamples.Envelope(Records)));

    public static List<string> Ids(string expected) => expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order().ToList();
}
