using System.IO.Compression;
using System.Text.Json;
using Shodo.Sigma;

namespace Shodo.Bench.Hunting;

/// <summary>
/// Writes a synthetic trail archive as CloudTrail delivers it (<c>AWSLogs/&lt;acct&gt;/CloudTrail/&lt;region&gt;/Y/M/D/…json.gz</c>,
/// <c>{"Records":[...]}</c>): ordinary activity of people, CI and AWS services with realistic field shapes,
/// plus a known number of planted attack records (real detonation records that a built-in rule of level
/// high or critical matches, given fresh ids and times). Deterministic for a seed.
/// </summary>
public sealed class TrailArchiveGenerator(string root, long events, int planted, int recordsPerFile = 5000, int seed = 42)
{
    private const string Account = "123456789012";
    private static readonly string[] Regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1"];
    private static readonly (string Source, string Name, bool ReadOnly)[] Benign =
    [
        ("ec2.amazonaws.com", "DescribeInstances", true), ("ec2.amazonaws.com", "DescribeSecurityGroups", true),
        ("ec2.amazonaws.com", "DescribeVolumes", true), ("monitoring.amazonaws.com", "GetMetricData", true),
        ("kms.amazonaws.com", "Decrypt", true), ("sts.amazonaws.com", "AssumeRole", true),
        ("dynamodb.amazonaws.com", "DescribeTable", true), ("lambda.amazonaws.com", "ListFunctions20150331", true),
        ("autoscaling.amazonaws.com", "DescribeAutoScalingGroups", true), ("ecr.amazonaws.com", "GetAuthorizationToken", true),
        ("cloudformation.amazonaws.com", "DescribeStacks", true), ("rds.amazonaws.com", "DescribeDBInstances", true),
        ("elasticloadbalancing.amazonaws.com", "DescribeTargetHealth", true), ("logs.amazonaws.com", "CreateLogStream", false),
        ("ssm.amazonaws.com", "UpdateInstanceInformation", false), ("sqs.amazonaws.com", "ReceiveMessage", true),
    ];
    private static readonly string[] Agents =
    [
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22 prompt/off command/ec2.describe-instances",
        "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.210 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69",
        "aws-sdk-go-v2/1.25.3 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.150.1",
        "terraform-provider-aws/5.40.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.3",
        "AWS Internal", "autoscaling.amazonaws.com", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0",
    ];

    public sealed record Result(long Events, int Files, IReadOnlyList<string> PlantedEventIds, long Bytes);

    /// <summary>Detonation records (one per technique) that a built-in high or critical rule matches.</summary>
    public static IReadOnlyList<JsonElement> AttackTemplates(string detonations)
    {
        var rules = SigmaRuleSet.BuiltIn.Rules.Where(r => r.LogSource.IsCloudTrail && r.Level is SigmaLevel.High or SigmaLevel.Critical).ToList();
        var templates = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(detonations, "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var hit = doc.RootElement.EnumerateArray().FirstOrDefault(r => rules.Any(rule => rule.Matches(r)));
            if (hit.ValueKind == JsonValueKind.Object) templates.Add(hit.Clone());
        }
        return templates;
    }

    public Result Write(IReadOnlyList<JsonElement> attacks)
    {
        var files = (int)((events + recordsPerFile - 1) / recordsPerFile);
        var random = new Random(seed);
        var plantAt = new SortedSet<long>();
        while (plantAt.Count < planted) plantAt.Add(random.NextInt64(events));
        var plantedIds = new List<string>();
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var step = TimeSpan.FromDays(20).Ticks / Math.Max(1, events);
        long bytes = 0;
        var gate = new Lock();
        Parallel.For(0, files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            var r = new Random(seed * 7919 + f);
            var first = (long)f * recordsPerFile;
            var count = (int)Math.Min(recordsPerFile, events - first);
            var region = Regions[f % Regions.Length];
            var time = start + TimeSpan.FromTicks(step * first);
            var path = Path.Combine(root, "AWSLogs", Account, "CloudTrail", region, $"{time:yyyy}", $"{time:MM}", $"{time:dd}",
                $"{Account}_CloudTrail_{region}_{time.AddMinutes(5):yyyyMMdd'T'HHmm'Z'}_{f:x8}{r.Next():x8}.json.gz");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var file = File.Create(path);
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            using (var json = new Utf8JsonWriter(gzip))
            {
                json.WriteStartObject();
                json.WriteStartArray("Records");
                for (var i = 0; i < count; i++)
                {
                    var n = first + i;
                    var at = start + TimeSpan.FromTicks(step * n);
                    if (plantAt.Contains(n))
                    {
                        var id = Id(r);
                        lock (gate) plantedIds.Add(id);
                        WriteAttack(json, attacks[(int)(n % attacks.Count)], id, at);
                    }
                    else WriteBenign(json, r, at, region);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            lock (gate) bytes += new FileInfo(path).Length;
        });
        return new Result(events, files, plantedIds, bytes);
    }

    private static void WriteAttack(Utf8JsonWriter json, JsonElement template, string id, DateTimeOffset at)
    {
        json.WriteStartObject();
        foreach (var p in template.EnumerateObject())
        {
            if (p.Name == "eventID") json.WriteString("eventID", id);
            else if (p.Name == "eventTime") json.WriteString("eventTime", Time(at));
            else p.WriteTo(json);
        }
        json.WriteEndObject();
    }

    private static string Id(Random r)
    {
        Span<byte> bytes = stackalloc byte[16];
        r.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private static void WriteBenign(Utf8JsonWriter json, Random r, DateTimeOffset at, string region)
    {
        var (source, name, readOnly) = Benign[r.Next(Benign.Length)];
        var service = r.Next(4) == 0;
        var user = $"dev-{r.Next(40):D2}";
        json.WriteStartObject();
        json.WriteString("eventVersion", "1.09");
        json.WriteStartObject("userIdentity");
        if (service)
        {
            json.WriteString("type", "AssumedRole");
            json.WriteString("principalId", $"AROA{r.Next():X8}EXAMPLE:i-{r.Next():x8}");
            json.WriteString("arn", $"arn:aws:sts::{Account}:assumed-role/app-role-{r.Next(8)}/i-{r.Next():x8}");
            json.WriteString("accountId", Account);
            json.WriteString("accessKeyId", $"ASIA{r.NextInt64():X16}");
            json.WriteStartObject("sessionContext");
            json.WriteStartObject("sessionIssuer");
            json.WriteString("type", "Role");
            json.WriteString("principalId", $"AROA{r.Next():X8}EXAMPLE");
            json.WriteString("arn", $"arn:aws:iam::{Account}:role/app-role-{r.Next(8)}");
            json.WriteString("accountId", Account);
            json.WriteString("userName", $"app-role-{r.Next(8)}");
            json.WriteEndObject();
            json.WriteStartObject("attributes");
            json.WriteString("creationDate", Time(at.AddMinutes(-r.Next(60))));
            json.WriteString("mfaAuthenticated", "false");
            json.WriteEndObject();
            json.WriteString("ec2RoleDelivery", "2.0");
            json.WriteEndObject();
        }
        else
        {
            json.WriteString("type", "IAMUser");
            json.WriteString("principalId", $"AIDA{r.Next():X8}EXAMPLE");
            json.WriteString("arn", $"arn:aws:iam::{Account}:user/{user}");
            json.WriteString("accountId", Account);
            json.WriteString("accessKeyId", $"AKIA{r.NextInt64():X16}");
            json.WriteString("userName", user);
        }
        json.WriteEndObject();
        json.WriteString("eventTime", Time(at));
        json.WriteString("eventSource", source);
        json.WriteString("eventName", name);
        json.WriteString("awsRegion", region);
        json.WriteString("sourceIPAddress", service && r.Next(2) == 0 ? "AWS Internal" : $"10.{r.Next(256)}.{r.Next(256)}.{r.Next(256)}");
        json.WriteString("userAgent", Agents[r.Next(Agents.Length)]);
        if (r.Next(50) == 0)
        {
            json.WriteString("errorCode", "AccessDenied");
            json.WriteString("errorMessage", $"User: arn:aws:iam::{Account}:user/{user} is not authorized to perform: {name}");
        }
        json.WriteStartObject("requestParameters");
        switch (name)
        {
            case "DescribeInstances":
                json.WriteStartObject("instancesSet");
                json.WriteStartArray("items");
                for (var i = 0; i < 1 + r.Next(3); i++) { json.WriteStartObject(); json.WriteString("instanceId", $"i-{r.NextInt64():x16}"); json.WriteEndObject(); }
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("filterSet"); json.WriteEndObject();
                break;
            case "Decrypt":
                json.WriteString("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
                json.WriteStartObject("encryptionContext");
                json.WriteString("aws:lambda:FunctionArn", $"arn:aws:lambda:{region}:{Account}:function:worker-{r.Next(20)}");
                json.WriteEndObject();
                break;
            case "AssumeRole":
                json.WriteString("roleArn", $"arn:aws:iam::{Account}:role/app-role-{r.Next(8)}");
                json.WriteString("roleSessionName", $"session-{r.Next():x8}");
                json.WriteNumber("durationSeconds", 3600);
                break;
            default:
                json.WriteNumber("maxResults", 50 + r.Next(50));
                json.WriteString("name", $"resource-{r.Next(1000)}");
                break;
        }
        json.WriteEndObject();
        if (name == "AssumeRole")
        {
            json.WriteStartObject("responseElements");
            json.WriteStartObject("credentials");
            json.WriteString("accessKeyId", $"ASIA{r.NextInt64():X16}");
            json.WriteString("sessionToken", "IQoJb3JpZ2luX2VjEXAMPLETOKEN" + new string('x', 200));
            json.WriteString("expiration", "Nov 1, 2026, 1:00:00 AM");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        else json.WriteNull("responseElements");
        json.WriteString("requestID", Id(r));
        json.WriteString("eventID", Id(r));
        json.WriteBoolean("readOnly", readOnly);
        json.WriteString("eventType", "AwsApiCall");
        json.WriteBoolean("managementEvent", true);
        json.WriteString("recipientAccountId", Account);
        json.WriteString("eventCategory", "Management");
        json.WriteStartObject("tlsDetails");
        json.WriteString("tlsVersion", "TLSv1.3");
        json.WriteString("cipherSuite", "TLS_AES_128_GCM_SHA256");
        json.WriteString("clientProvidedHostHeader", $"{source.Split('.')[0]}.{region}.amazonaws.com");
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
