using Amazon.SecurityToken.Model;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Evidence.Snapshot;

namespace Shodo.Investigation.Identities;

/// <summary>
/// Resolves a leaked key's account and owner with the responder's credentials only — STS
/// GetAccessKeyInfo for the account, the collected IAM ListAccessKeys answers for the user. The leaked
/// key itself is never used to call AWS.
/// </summary>
public sealed class KeyOwnerResolver(AwsConnection aws)
{
    public async Task<KeyOwner> ResolveAsync(string accessKeyId, AccountSnapshot state, CancellationToken ct)
    {
        var (account, problem) = await AccountOfAsync(accessKeyId, ct);
        var key = state.AccessKeys.FirstOrDefault(k => k.AccessKeyId == accessKeyId);
        return new KeyOwner(accessKeyId, account, key?.UserName, key?.Evidence, problem);
    }

    /// <summary>The account a key belongs to (STS GetAccessKeyInfo; it answers for any well-formed key, of any account), or why it is unknown.</summary>
    public async Task<(string? Account, string? Problem)> AccountOfAsync(string accessKeyId, CancellationToken ct)
    {
        try
        {
            return ((await aws.Sts().GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest { AccessKeyId = accessKeyId }, ct)).Account, null);
        }
        catch (AwsServiceError e)
        {
            return (null, $"GetAccessKeyInfo: {e.Code}");
        }
        catch (Amazon.Runtime.AmazonServiceException e)
        {
            return (null, $"GetAccessKeyInfo: {e.ErrorCode}");
        }
    }
}
