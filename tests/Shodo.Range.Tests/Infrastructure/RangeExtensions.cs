using System.Text.Json;

namespace Shodo.Range.Tests.Infrastructure;

public static class RangeExtensions
{
    /// <summary>Creates an IAM user with an access key through the CLI (as the responder) and returns the key.</summary>
    public static async Task<RangeCredentials> CreateUserWithKeyAsync(this AwsCli admin, string userName, string? policyArn = null)
    {
        await admin.OkAsync("iam", "create-user", "--user-name", userName);
        if (policyArn is not null)
            await admin.OkAsync("iam", "attach-user-policy", "--user-name", userName, "--policy-arn", policyArn);
        var key = (await admin.OkAsync("iam", "create-access-key", "--user-name", userName)).GetProperty("AccessKey");
        return new RangeCredentials(key.GetProperty("AccessKeyId").GetString()!, key.GetProperty("SecretAccessKey").GetString()!);
    }

    /// <summary>The Credentials element of an STS answer as credentials for the CLI.</summary>
    public static RangeCredentials AsCredentials(this JsonElement stsResult)
    {
        var c = stsResult.GetProperty("Credentials");
        return new RangeCredentials(c.GetProperty("AccessKeyId").GetString()!, c.GetProperty("SecretAccessKey").GetString()!,
            c.GetProperty("SessionToken").GetString());
    }
}
