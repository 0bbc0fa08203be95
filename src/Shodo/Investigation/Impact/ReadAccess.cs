using Shodo.Aws;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Evidence.Snapshot;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Impact;

/// <summary>
/// A simple evaluation of whether the attacker's identities may read data: an AWS managed policy that
/// grants reading S3 (or everything) attached to a user whose credentials the attacker holds, as
/// collected or as attached by the attacker's own events. Null when nothing decides it (inline and group
/// policies, bucket policies and boundaries are not evaluated).
/// </summary>
public static class ReadAccess
{
    private static readonly string[] Granting =
    [
        "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess",
        "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess",
        "arn:aws:iam::aws:policy/PowerUserAccess",
    ];

    public static bool? S3(AccountSnapshot state, ChainResult chain)
    {
        var users = chain.Confirmed.Select(i => i.Kind == IdentityKind.User ? i.Name : i.Owner).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var attached = state.Attachments.Where(a => users.Contains(a.UserName)).Select(a => a.PolicyArn)
            .Concat(chain.AttackerEvents.Where(e => e.EventName == "AttachUserPolicy" && !e.Failed)
                .Select(e => TrailRecordJson.Path(e.Raw, "requestParameters", "policyArn")).OfType<string>());
        return attached.Any(a => Granting.Contains(AwsPartition.InCommercial(a))) ? true : null;
    }
}
