using System.Collections.Concurrent;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Shodo.Aws.Protocols;
using Shodo.Aws.Resilience;
using Shodo.Aws.S3;
using Shodo.Aws.Safety;
using Shodo.Aws.Sdk;

namespace Shodo.Aws.Connection;

/// <summary>
/// One AWS account as the responder reaches it: credentials, home region, endpoint override,
/// the interlock, the rate limits and the retry policy. Every client comes from here — SDK
/// clients for EC2, S3 and STS, Query/JSON clients for IAM, RDS and CloudTrail — and every one
/// of them sends through the interlock. Clients are cached per region and disposed with the
/// connection; do not dispose them yourself.
/// </summary>
public sealed class AwsConnection : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _clients = new();
    private readonly AwsTransport _transport;
    private StsClient? _roleSource;

    private AwsConnection(AwsConnectionOptions options, AWSCredentials credentials, string region, string source)
    {
        Options = options;
        Credentials = credentials;
        Region = region;
        CredentialDescription = source;
        Interlock = new Interlock(options.RefusalSink, options.Time);
        Limits = new RequestRateLimits(options.Time);
        _transport = new AwsTransport(new DeferredCredentials(() => Credentials), Interlock, Limits, options.Retry, options.Time,
            RecordingHandler.Wire(options.Retry.ConnectTimeout, options.Time, endpointOverride: options.EndpointUrl));
    }

    public AwsConnectionOptions Options { get; }
    public AWSCredentials Credentials { get; private set; }
    /// <summary>The home region: regional calls default to it; global IAM and STS calls use it with an endpoint override.</summary>
    public string Region { get; }
    public Uri? EndpointUrl => Options.EndpointUrl;
    public string CredentialDescription { get; private set; }
    public Interlock Interlock { get; }

    /// <summary>When AWS issued the role session this connection assumed itself (<see cref="AssumedRoleCredentials.SessionIssuedAt"/>);
    /// null for any other credentials (a profile's or the environment's session: its issue time is not known here).</summary>
    public DateTimeOffset? SessionIssuedAt => (Credentials as AssumedRoleCredentials)?.SessionIssuedAt;
    public RequestRateLimits Limits { get; }

    /// <summary>
    /// Resolves credentials (<see cref="CredentialSource"/>) and the region (explicit, else the
    /// profile's, else AWS_REGION / the default profile's through the SDK, else us-east-1), and
    /// assumes <see cref="AwsConnectionOptions.RoleArn"/> if given.
    /// </summary>
    public static async Task<AwsConnection> OpenAsync(AwsConnectionOptions options, CancellationToken ct = default)
    {
        var resolved = await CredentialSource.ResolveAsync(options, ct);
        var region = options.Region ?? resolved.ProfileRegion
            ?? (options.Credentials is null ? FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false)?.SystemName : null)
            ?? "us-east-1";
        AwsConnectionOptions.CheckedRegion(region, options.Region is not null ? "--region" : resolved.ProfileRegion is not null
            ? $"profile {options.Profile ?? "default"}" : "AWS_REGION / AWS_DEFAULT_REGION");
        var connection = new AwsConnection(options, resolved.Credentials, region, resolved.Description);
        if (options.RoleArn is { } roleArn)
        {
            var session = options.Assume.SessionName ?? $"shodo-{options.Time.GetUtcNow():yyyyMMddTHHmmss}";
            // A client of its own, signed with the source credentials, kept for refreshing the role's.
            connection._roleSource = connection.NewSts(region);
            var assumed = new AssumedRoleCredentials(connection._roleSource, roleArn, session, options.Assume);
            await RoleRefusal.TranslateAsync(roleArn, () => assumed.GetCredentialsAsync());
            connection.Credentials = assumed;
            connection.CredentialDescription = $"role {roleArn} via {resolved.Description}";
        }
        return connection;
    }

    public Ec2Client Ec2(string? region = null) => Sdk("ec2", region, r =>
        new Ec2Client(Credentials, SdkClientConfig.Apply(new AmazonEC2Config(), r, EndpointUrl, Options.Retry, Options.Time), Gate("ec2")));

    public S3Client S3(string? region = null) => Sdk("s3", region, r =>
    {
        var config = SdkClientConfig.Apply(new AmazonS3Config(), r, EndpointUrl, Options.Retry, Options.Time);
        if (EndpointUrl is not null) config.ForcePathStyle = true;
        return new S3Client(Credentials, config, Gate("s3"));
    });

    public StsClient Sts(string? region = null) => Sdk("sts", region, NewSts);

    /// <summary>Each bucket's region, learned once (GetBucketLocation): read a bucket through <c>S3(region)</c> with it.</summary>
    public S3BucketRegions BucketRegions => Cached("s3/bucket-regions", () => new S3BucketRegions(this));

    private StsClient NewSts(string region) =>
        new(Credentials, SdkClientConfig.Apply(new AmazonSecurityTokenServiceConfig(), region, EndpointUrl, Options.Retry, Options.Time), Gate("sts"));

    /// <summary>IAM is global: one client, the partition's global endpoint (or the override).</summary>
    public QueryClient Iam() => Query(AwsServiceModel.Iam, Region);

    public QueryClient Rds(string? region = null) => Query(AwsServiceModel.Rds, region ?? Region);

    public QueryClient AutoScaling(string? region = null) => Query(AwsServiceModel.AutoScaling, region ?? Region);

    public JsonClient CloudTrail(string? region = null)
    {
        var r = region ?? Region;
        return Cached($"cloudtrail/{r}", () =>
            new JsonClient(_transport, AwsServiceModel.CloudTrail, ServiceEndpoint.For(AwsServiceModel.CloudTrail, r, EndpointUrl)));
    }

    /// <summary>A JSON 1.1 client for a service with no SDK package of its own (Athena, ...), per region.</summary>
    public JsonClient Json(AwsServiceModel service, string? region = null)
    {
        var r = region ?? Region;
        return Cached($"{service.Name}/{r}", () => new JsonClient(_transport, service, ServiceEndpoint.For(service, r, EndpointUrl)));
    }

    /// <summary>S3 Control (the account's Block Public Access), through the hand-written transport: one client, the home region.</summary>
    public global::Shodo.Aws.S3Control.S3ControlClient S3Control() =>
        Cached("s3control", () => new global::Shodo.Aws.S3Control.S3ControlClient(_transport, Region, EndpointUrl));

    /// <summary>Who these credentials are (STS GetCallerIdentity).</summary>
    public async Task<CallerIdentity> WhoAmIAsync(CancellationToken ct = default)
    {
        var answer = await Sts().GetCallerIdentityAsync(new GetCallerIdentityRequest(), ct);
        return new CallerIdentity(answer.Account, answer.Arn, answer.UserId);
    }

    private QueryClient Query(AwsServiceModel service, string region) =>
        Cached($"{service.Name}/{region}", () => new QueryClient(_transport, service, ServiceEndpoint.For(service, region, EndpointUrl)));

    private T Sdk<T>(string service, string? region, Func<string, T> create) where T : class =>
        Cached($"sdk:{service}/{region ?? Region}", () => create(region ?? Region));

    /// <summary>One client per key even when many tasks ask at once (a fan-out over regions).</summary>
    private T Cached<T>(string key, Func<T> create) where T : class =>
        (T)_clients.GetOrAdd(key, _ => new Lazy<object>(create, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private InterlockPipelineHandler Gate(string service) =>
        new(service, Interlock, Limits, Options.Retry, Options.Time);

    public void Dispose()
    {
        _roleSource?.Dispose();
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated)) (client.Value as IDisposable)?.Dispose();
        _clients.Clear();
        _transport.Dispose();
    }

    /// <summary>Lets the signer follow <see cref="Credentials"/> when a role is assumed after the transport was built.</summary>
    private sealed class DeferredCredentials(Func<AWSCredentials> current) : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => current().GetCredentials();
        public override Task<ImmutableCredentials> GetCredentialsAsync() => current().GetCredentialsAsync();
    }
}

/// <summary>The caller's account, ARN and user id, as STS reports them.</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);
