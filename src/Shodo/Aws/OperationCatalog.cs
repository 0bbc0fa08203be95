using System.Reflection;
using Shodo.Aws.Safety;

namespace Shodo.Aws;

/// <summary>
/// Every AWS operation Shodo can send, from any client: the services' operation lists (one line
/// per service below; one line per operation in each list) plus the interlock's allowlist and its approved destructive steps. Both
/// kinds of client refuse to send an operation that is not declared here, so the responder policy
/// (<see cref="Policy.ResponderPolicy"/>) built from this catalog always covers what Shodo sends.
/// </summary>
public static class OperationCatalog
{
    private static readonly Type[] Services =
    [
        typeof(Iam.IamOperations),
        typeof(CloudTrail.CloudTrailOperations),
        typeof(Rds.RdsOperations),
        typeof(Ec2.Ec2Operations),
        typeof(S3.S3Operations),
        typeof(Sts.StsOperations),
        typeof(Athena.AthenaOperations),
        typeof(AutoScaling.AutoScalingOperations),
        typeof(Organizations.OrganizationsOperations),
        typeof(Ram.RamOperations),
        typeof(Kms.KmsOperations),
        typeof(S3Control.S3ControlOperations),
    ];

    public static IReadOnlyList<AwsOperation> All { get; } = Services
        .SelectMany(Declared)
        .Concat(MutationAllowlist.Entries.Select(e => e.Operation))
        .Concat(ApprovedDestructiveSteps.Entries.Select(e => e.Operation))
        .DistinctBy(o => o.Key)
        .ToList();

    private static readonly Dictionary<string, AwsOperation> ByKey = All.ToDictionary(o => o.Key, StringComparer.Ordinal);

    public static AwsOperation? Find(string service, string name) => ByKey.GetValueOrDefault($"{service}:{name}");

    public static bool IsDeclared(AwsOperation operation) =>
        ByKey.TryGetValue(operation.Key, out var declared) && declared == operation;

    /// <summary>A programming error, not a user's: an operation was sent without being declared.</summary>
    public static void EnsureDeclared(AwsOperation operation)
    {
        if (!IsDeclared(operation))
            throw new InvalidOperationException(
                $"{operation} is not declared in Shodo's operation catalog; add it to its service's operation list so 'shodo policy' covers it.");
    }

    /// <summary>The public static <see cref="AwsOperation"/> properties and fields of an operation list.</summary>
    public static IEnumerable<AwsOperation> Declared(Type operationList) =>
        operationList.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(AwsOperation))
            .Select(p => (AwsOperation)p.GetValue(null)!)
            .Concat(operationList.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(AwsOperation))
                .Select(f => (AwsOperation)f.GetValue(null)!));
}
