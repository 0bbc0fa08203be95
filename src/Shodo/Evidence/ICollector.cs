using Shodo.Aws;

namespace Shodo.Evidence;

/// <summary>
/// One piece of the account's state to capture before anything changes (IAM users, EC2 instances of a
/// region, S3 buckets...). A collector names every operation it may send (each declared in
/// <see cref="OperationCatalog"/>, so <c>shodo policy</c> covers it) and sends them only through its
/// <see cref="CollectionContext"/>, which stores every answer as evidence and records every failure
/// as a coverage gap. Adding a collector: one class plus one line in <see cref="CollectorCatalog"/>.
/// </summary>
public interface ICollector
{
    /// <summary>Short stable name, e.g. <c>iam.users</c> or <c>ec2.instances</c>.</summary>
    string Name { get; }

    CollectorScope Scope { get; }

    /// <summary>Every operation this collector may send; the context refuses any other.</summary>
    IReadOnlyList<AwsOperation> Operations { get; }

    /// <summary>Collects; AWS failures are recorded by the context, not thrown.</summary>
    Task CollectAsync(CollectionContext context, CancellationToken ct);
}

/// <summary>Whether a collector runs once for the account or once per enabled region.</summary>
public enum CollectorScope
{
    Global,
    Regional,
}
