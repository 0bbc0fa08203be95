using System.Xml.Linq;

namespace Shodo.Aws.Protocols;

/// <summary>
/// One Query-protocol operation (IAM, RDS, ...): which operation it is, the fields it sends and
/// how its <c>&lt;OperationResult&gt;</c> element reads. Adding an operation is one record
/// deriving from this (or <see cref="QueryPagedCall{TItem}"/>) plus its line in the service's
/// operation list.
/// </summary>
public abstract record QueryCall<TResult>
{
    public abstract AwsOperation Operation { get; }
    public virtual void Write(QueryParameters parameters) { }
    /// <summary>Reads the <c>OperationResult</c> element (namespaces removed; may be empty for calls with no output).</summary>
    public abstract TResult Read(XElement result);
}

/// <summary>
/// A Query operation whose answer comes in pages joined by a marker (IAM <c>Marker</c>/<c>IsTruncated</c>,
/// RDS <c>Marker</c>/<c>MaxRecords</c>).
/// </summary>
public abstract record QueryPagedCall<TItem> : QueryCall<IReadOnlyList<TItem>>
{
    public abstract QueryPaging Paging { get; }
}

/// <summary>How a Query service pages: request marker and page-size fields, and how the answer says "more".</summary>
public sealed record QueryPaging(string MarkerField, string PageSizeField, int PageSize, string? TruncatedField)
{
    /// <summary>IAM: MaxItems up to 1000; IsTruncated=true and Marker when there is more.</summary>
    public static QueryPaging Iam { get; } = new("Marker", "MaxItems", 1000, "IsTruncated");
    /// <summary>RDS: MaxRecords 20..100; a Marker in the answer when there is more.</summary>
    public static QueryPaging Rds { get; } = new("Marker", "MaxRecords", 100, null);
}

/// <summary>For calls that answer nothing but success.</summary>
public readonly record struct NoContent;
