using Shodo.Sigma;

namespace Shodo.Hunting.Sql;

/// <summary>
/// A rule set compiled to one SQL query over the CloudTrail table: the query (one scan; a row per rule
/// and matching record), the rules in it, and the rules that could not be compiled, with the reason.
/// </summary>
public sealed record SqlCompilation(string Query, IReadOnlyList<SigmaRule> Compiled, IReadOnlyList<(SigmaRule Rule, string Reason)> NotCompiled);

/// <summary>A rule uses something the SQL form cannot express (keywords, arrays, fieldref, ...).</summary>
public sealed class SqlUnsupportedException(string reason) : Exception(reason);
