using Amazon.Runtime;
using Shodo.Aws.Resilience;
using Shodo.Aws.Safety;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Aws.Connection;

/// <summary>
/// How to reach one AWS account, with the AWS CLI's meanings: a named profile, a region, one
/// endpoint URL for every service, a role to assume. <see cref="Credentials"/> is for callers that
/// already hold keys (the drill's range keys, tests); otherwise the SDK's chain finds them.
/// </summary>
public sealed record AwsConnectionOptions
{
    public string? Profile { get; init; }
    public string? Region { get; init; }
    public Uri? EndpointUrl { get; init; }
    public string? RoleArn { get; init; }
    /// <summary>External id, MFA, session name and duration for <see cref="RoleArn"/>; its MFA code source also serves a profile's mfa_serial.</summary>
    public RoleAssumption Assume { get; init; } = new();
    public AWSCredentials? Credentials { get; init; }
    /// <summary>A shared credentials file other than ~/.aws/credentials (AWS_SHARED_CREDENTIALS_FILE).</summary>
    public string? ProfilesFile { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;
    public AwsRetryOptions Retry { get; init; } = AwsRetryOptions.Default;
    /// <summary>Where the interlock reports refused calls (the case journal, once a case is open).</summary>
    public IRefusalSink RefusalSink { get; init; } = NoRefusalSink.Instance;

    /// <summary>
    /// Options from command-line values and environment variables, with the AWS CLI's precedence:
    /// --profile, then AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY(/AWS_SESSION_TOKEN), then AWS_PROFILE;
    /// --region, then AWS_REGION, then AWS_DEFAULT_REGION; --endpoint-url, then AWS_ENDPOINT_URL.
    /// Reading the variables from a dictionary (not the process) lets a caller run in-process with
    /// its own environment.
    /// </summary>
    public static AwsConnectionOptions FromEnvironment(
        string? profile, string? region, string? endpointUrl, string? roleArn,
        IReadOnlyDictionary<string, string?> variables, TimeProvider time)
    {
        string? Var(string name) => variables.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
        AWSCredentials? keys = null;
        if (profile is null && Var("AWS_ACCESS_KEY_ID") is { } id && (Var("AWS_SECRET_ACCESS_KEY") ?? Var("AWS_SECRET_KEY")) is { } secret)
            keys = Var("AWS_SESSION_TOKEN") is { } token ? new SessionAWSCredentials(id, secret, token) : new BasicAWSCredentials(id, secret);
        return new AwsConnectionOptions
        {
            Profile = keys is null ? profile ?? Var("AWS_PROFILE") : null,
            Region = CheckedRegion(region, "--region") ?? CheckedRegion(Var("AWS_REGION"), "AWS_REGION")
                ?? CheckedRegion(Var("AWS_DEFAULT_REGION"), "AWS_DEFAULT_REGION"),
            EndpointUrl = ParseEndpoint(endpointUrl ?? Var("AWS_ENDPOINT_URL")),
            RoleArn = roleArn,
            Credentials = keys,
            ProfilesFile = Var("AWS_SHARED_CREDENTIALS_FILE"),
            Time = time,
        };
    }

    /// <summary>The region as given, refused (a usage error naming where it came from) unless it is an AWS region name.</summary>
    public static string? CheckedRegion(string? region, string from) =>
        region is null || AwsRegionName.IsValid(region)
            ? region
            : throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("BadRegionFrom", GivenValue.Shorten(region), from)));

    public static Uri? ParseEndpoint(string? url)
    {
        if (url is null) return null;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
        throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("BadEndpointUrl", url)));
    }
}
