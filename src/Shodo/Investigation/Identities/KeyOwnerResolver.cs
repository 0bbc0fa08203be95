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
        string? account = null, problem = null;
        try
        {
            account = (await aws.Sts().GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest { AccessKeyId = accessKeyId }, ct)).Account;
        }
        catch (AwsServiceError e)
        {
            problem = $"GetAccessKeyInfo: {e.Code}";
        }
        catch (Amazon.Runtime.AmazonServiceException e)
        {
            problem = $"GetAccessKeyInfo: {e.ErrorCode}";
        }
        var key = state.AccessKeys.FirstOrDefault(k => k.AccessKeyId == accessKeyId);
        return new KeyOwner(accessKeyId, account, key?.UserName, key?.Evidence, problem);
    }
}
