using Shodo.Sigma;

namespace Shodo.Hunting.Jq;

/// <summary>
/// A rule set compiled to one jq filter: the filter (reads trail files or records, emits
/// <c>{"rules":[ids],"record":{...}}</c> per record some rule matches), the rules in it, and the rules
/// that could not be compiled, with the reason.
/// </summary>
public sealed record JqCompilation(string Filter, IReadOnlyList<SigmaRule> Compiled, IReadOnlyList<(SigmaRule Rule, string Reason)> NotCompiled);

/// <summary>A rule uses something the jq form does not express (cidr, timeframes, ...).</summary>
public sealed class JqUnsupportedException(string reason) : Exception(reason);
