using Amazon.Runtime;
using Amazon.Runtime.SharedInterfaces;

namespace Shodo.Aws.Connection;

/// <summary>
/// Credentials of an assumed role (--role-arn, or a member account's responder role), refreshed
/// before they expire. The AssumeRole call itself is the SDK's
/// (<see cref="ICoreAmazonSTS.CredentialsFromAssumeRoleAuthenticationAsync"/>, what
/// <see cref="AssumeRoleAWSCredentials"/> uses) but made through the connection's STS client, so it
/// honours the endpoint override and region and passes the interlock like every other call —
/// AssumeRoleAWSCredentials would always build its own client against the public STS endpoint.
/// </summary>
public sealed class AssumedRoleCredentials(ICoreAmazonSTS sts, string roleArn, string sessionName) : RefreshingAWSCredentials
{
    public string RoleArn { get; } = roleArn;

    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var credentials = await sts.CredentialsFromAssumeRoleAuthenticationAsync(
            RoleArn, sessionName, new AssumeRoleAWSCredentialsOptions());
        return new CredentialsRefreshState(credentials, credentials.Expiration);
    }
}
