using Shodo.Range.State.Iam;

namespace Shodo.Range.State;

public sealed partial class RangeState
{
    /// <summary>IAM and STS: identities, keys, policies, sessions.</summary>
    public IamAccount Iam { get; set; } = AwsManagedPolicies.NewAccount(partition);

    public string IamArn(string kind, string path, string name) => $"arn:{Partition}:iam::{AccountId}:{kind}{path}{name}";

    /// <summary>An STS ARN of this account: <c>assumed-role/ROLE/SESSION</c>, <c>federated-user/NAME</c>.</summary>
    public string StsArn(string resource) => $"arn:{Partition}:sts::{AccountId}:{resource}";

    /// <summary>An AWS managed policy's ARN in this account's partition, from its commercial-partition constant.</summary>
    public string Managed(string commercialArn) => AwsManagedPolicies.InPartition(commercialArn, Partition);

    /// <summary>Creates an IAM user (no checks: callers check for duplicates).</summary>
    public IamUser AddUser(string name, string path = "/")
    {
        var user = new IamUser
        {
            UserName = name, UserId = IamIds.UserId(), Path = path,
            Arn = IamArn("user", path, name), CreateDate = Clock.Now,
        };
        Iam.Users[name] = user;
        return user;
    }

    /// <summary>The name a root access key carries as its owner (the credential report's root row).</summary>
    public const string RootAccountName = "<root_account>";

    public string RootArn => $"arn:{Partition}:iam::{AccountId}:root";

    /// <summary>Gives the root user an access key (AWS allows two).</summary>
    public AccessKey AddRootAccessKey()
    {
        var key = new AccessKey
        {
            AccessKeyId = IamIds.AccessKeyId(AccountId), SecretAccessKey = IamIds.SecretAccessKey(),
            UserName = RootAccountName, CreateDate = Clock.Now,
        };
        Iam.RootAccessKeys.Add(key);
        return key;
    }

    public AccessKey AddAccessKey(string userName)
    {
        var key = new AccessKey
        {
            AccessKeyId = IamIds.AccessKeyId(AccountId), SecretAccessKey = IamIds.SecretAccessKey(),
            UserName = Iam.User(userName)?.UserName ?? userName, CreateDate = Clock.Now,
        };
        Iam.AccessKeys[key.AccessKeyId] = key;
        return key;
    }
}
