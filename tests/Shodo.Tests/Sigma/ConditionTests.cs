using Shodo.Sigma;
using Shodo.Sigma.Conditions;
using static Shodo.Tests.Sigma.SigmaTestRules;

namespace Shodo.Tests.Sigma;

public class ConditionTests
{
    // Three searches over one field each: a, b, c, and an underscore-prefixed one.
    private const string Searches = "sel_a:\n    a: 1\nsel_b:\n    b: 1\nfilter_c:\n    c: 1\n_hidden:\n    h: 1\n";

    private static bool Eval(string condition, string record) => Matches(Searches + $"condition: {condition}", record);

    [Theory]
    [InlineData("sel_a and sel_b", """{"a":1,"b":1}""", true)]
    [InlineData("sel_a and sel_b", """{"a":1}""", false)]
    [InlineData("sel_a or sel_b", """{"b":1}""", true)]
    [InlineData("sel_a or sel_b", """{"c":1}""", false)]
    [InlineData("sel_a and not filter_c", """{"a":1}""", true)]
    [InlineData("sel_a and not filter_c", """{"a":1,"c":1}""", false)]
    [InlineData("not sel_a", """{"b":1}""", true)]
    [InlineData("not not sel_a", """{"a":1}""", true)]
    // and binds tighter than or: a or (b and c)
    [InlineData("sel_a or sel_b and filter_c", """{"a":1}""", true)]
    [InlineData("sel_a or sel_b and filter_c", """{"b":1}""", false)]
    [InlineData("(sel_a or sel_b) and filter_c", """{"a":1}""", false)]
    [InlineData("(sel_a or sel_b) and filter_c", """{"b":1,"c":1}""", true)]
    // not binds tighter than and
    [InlineData("not sel_a and sel_b", """{"b":1}""", true)]
    [InlineData("not (sel_a and sel_b)", """{"a":1,"b":1}""", false)]
    [InlineData("1 of sel_*", """{"b":1}""", true)]
    [InlineData("1 of sel_*", """{"c":1}""", false)]
    [InlineData("any of sel_*", """{"a":1}""", true)]
    [InlineData("all of sel_*", """{"a":1}""", false)]
    [InlineData("all of sel_*", """{"a":1,"b":1}""", true)]
    [InlineData("2 of them", """{"a":1,"c":1}""", true)]
    [InlineData("2 of them", """{"a":1,"h":1}""", false)]
    [InlineData("1 of them", """{"c":1}""", true)]
    [InlineData("1 of them", """{"h":1}""", false)]
    [InlineData("all of them", """{"a":1,"b":1,"c":1}""", true)]
    [InlineData("all of them", """{"a":1,"b":1}""", false)]
    [InlineData("1 of sel_? or filter_c", """{"c":1}""", true)]
    [InlineData("_hidden", """{"h":1}""", true)]
    [InlineData("sel_a AND NOT filter_c", """{"a":1}""", true)]
    public void Condition_forms(string condition, string record, bool expected) =>
        Assert.Equal(expected, Eval(condition, record));

    [Fact]
    public void A_list_of_conditions_is_their_or()
    {
        var rule = Rule(Searches + "condition:\n    - sel_a\n    - sel_b");
        Assert.True(rule.Matches(Record("""{"b":1}""")));
        Assert.False(rule.Matches(Record("""{"c":1}""")));
    }

    [Fact]
    public void The_condition_tree_is_typed_and_patterns_resolved_at_load()
    {
        var rule = Rule(Searches + "condition: 1 of sel_* and not filter_c");
        var and = Assert.IsType<ConditionAnd>(rule.Detection.Condition);
        var selector = Assert.IsType<ConditionSelector>(and.Operands[0]);
        Assert.Equal(1, selector.Count);
        Assert.Equal(["sel_a", "sel_b"], selector.Identifiers);
        Assert.IsType<ConditionNot>(and.Operands[1]);
    }

    [Theory]
    [InlineData("sel_a and", "ends where")]
    [InlineData("sel_a and nope", "'nope'")]
    [InlineData("(sel_a or sel_b", "missing ')'")]
    [InlineData("sel_a sel_b", "unexpected 'sel_b'")]
    [InlineData("1 of nothing_*", "matches no search identifier")]
    [InlineData("all sel_a", "expected 'of'")]
    public void Bad_conditions_are_reported_with_the_line(string condition, string message)
    {
        var error = Assert.Throws<SigmaRuleException>(() => Rule(Searches + $"condition: {condition}"));
        var problem = Assert.Single(error.Problems);
        Assert.Contains(message, problem.Message);
        Assert.Equal(15, problem.Line);
    }

    [Fact]
    public void Aggregations_are_skipped_not_dropped()
    {
        var error = Assert.Throws<SigmaRuleException>(() => Rule("sel:\n    a: 1\ncondition: sel | count() by userIdentity.arn > 10\ntimeframe: 5m"));
        var skipped = Assert.Single(error.Skipped);
        Assert.Contains("aggregat", skipped.Reason);
    }
}
