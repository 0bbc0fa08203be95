using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Aws.Connection;

/// <summary>
/// Finds credentials and the home region the way the AWS SDK and CLI do, using the SDK's own
/// code: a named profile through <see cref="CredentialProfileStoreChain"/> and
/// <see cref="AWSCredentialsFactory"/> (static keys, SSO, assume-role and process profiles);
/// otherwise <see cref="DefaultAWSCredentialsIdentityResolver"/> (environment, shared files,
/// web identity, container and instance metadata). Nothing found is <see cref="ExitCode.NoCredentials"/>.
/// </summary>
public static class CredentialSource
{
    public sealed record Resolved(AWSCredentials Credentials, string? ProfileRegion, string Description);

    public static async Task<Resolved> ResolveAsync(AwsConnectionOptions options, CancellationToken ct)
    {
        Resolved resolved;
        if (options.Credentials is not null)
            resolved = new(options.Credentials, null, "given credentials");
        else if (options.Profile is { } name)
            resolved = FromProfile(name, options.ProfilesFile, options.Assume);
        else
            resolved = await FromDefaultChainAsync(ct);
        try
        {
            await resolved.Credentials.GetCredentialsAsync();
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException or InvalidOperationException or HttpRequestException)
        {
            throw NoCredentials(e);
        }
        return resolved;
    }

    private static Resolved FromProfile(string name, string? profilesFile, RoleAssumption assume)
    {
        var chain = new CredentialProfileStoreChain(profilesFile);
        if (!chain.TryGetProfile(name, out var profile))
            throw new ShodoException(new Diagnostic(ExitCode.NoCredentials, Messages.Get("ProfileNotFound", name)));
        try
        {
            var credentials = AWSCredentialsFactory.GetAWSCredentials(profile, chain);
            // A role profile with mfa_serial: the SDK asks its callback for the code; without one it ends as "no credentials".
            if (credentials is AssumeRoleAWSCredentials role && role.Options?.MfaSerialNumber is { } serial && role.Options.MfaTokenCodeCallback is null)
                role.Options.MfaTokenCodeCallback = assume.MfaCallback(serial)
                    ?? throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("MfaCodeNeeded", serial)));
            return new(credentials, profile.Region?.SystemName, $"profile {name}");
        }
        catch (Exception e) when (e is AmazonClientException or InvalidOperationException or ArgumentException)
        {
            throw NoCredentials(e);
        }
    }

    private static async Task<Resolved> FromDefaultChainAsync(CancellationToken ct)
    {
        using var resolver = new DefaultAWSCredentialsIdentityResolver();
        try
        {
            return new(await resolver.ResolveIdentityAsync(null, ct), null, "default credential chain");
        }
        catch (Exception e) when (e is AmazonClientException or InvalidOperationException)
        {
            throw NoCredentials(e);
        }
    }

    private static ShodoException NoCredentials(Exception e) =>
        new(new Diagnostic(ExitCode.NoCredentials, Messages.Get("NoCredentials"), OneLine(e.Message)), e);

    /// <summary>The SDK lists every provider it tried on its own line; the CLI prints one detail line.</summary>
    private static string OneLine(string text) =>
        string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
