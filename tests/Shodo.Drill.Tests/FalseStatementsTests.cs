using System.Text.Json.Nodes;

namespace Shodo.Drill.Tests;

/// <summary>
/// The drill's <c>false_statements</c>: each statement of report.json's summary and current state checked against the
/// ground truth and the range's final state — "contained" with an attacker instance running, an instance said stopped
/// that runs, counts given as complete with something missed — and an honest report has none.
/// </summary>
public sealed class FalseStatementsTests
{
    private static readonly DrillTruth Truth = new(
        new HashSet<string> { "access-key:AKIAATTACKER00000001" }, new HashSet<string> { "access-key:AKIAATTACKER00000001" },
        new HashSet<string> { "ec2:instance:eu-west-1:i-0aaa", "ec2:instance:us-east-1:i-0bbb" },
        new HashSet<string> { "ec2:instance:eu-west-1:i-0aaa", "ec2:instance:us-east-1:i-0bbb" });

    private static JsonNode Report(bool contained, string spotStatus, bool spotBilling, decimal stillBilling, string sight = "complete") => new JsonObject
    {
        ["summary"] = new JsonObject { ["contained"] = contained, ["sight"] = new JsonObject { ["verdict"] = sight } },
        ["currentState"] = new JsonObject
        {
            ["perHourAvoided"] = 3.06m, ["perHourStillBilling"] = stillBilling,
            ["instances"] = new JsonArray(
                new JsonObject { ["region"] = "us-east-1", ["instanceId"] = "i-0bbb", ["status"] = "stopped", ["stateBefore"] = "running", ["billing"] = false, ["pricePerHour"] = 3.06m },
                new JsonObject { ["region"] = "eu-west-1", ["instanceId"] = "i-0aaa", ["status"] = spotStatus, ["stateBefore"] = "running", ["billing"] = spotBilling, ["pricePerHour"] = 1.76m }),
        },
    };

    private static readonly RangeFinalState Final = new(
        new Dictionary<(string, string), string> { [("us-east-1", "i-0bbb")] = "stopped", [("eu-west-1", "i-0aaa")] = "running" },
        new Dictionary<string, string> { ["AKIAATTACKER00000001"] = "Inactive" });

    [Fact]
    public void An_honest_report_of_an_isolated_running_instance_has_no_false_statement() =>
        Assert.Empty(FalseStatements.Check(Report(contained: false, "isolated-running", spotBilling: true, 1.76m), Truth, Final, []));

    [Fact]
    public void Contained_while_an_attacker_instance_runs_and_it_said_stopped_and_nothing_billing_are_each_false()
    {
        var wrong = FalseStatements.Check(Report(contained: true, "stopped", spotBilling: false, 0m), Truth, Final, []);
        Assert.Contains(wrong, w => w.StartsWith("contained: instance eu-west-1/i-0aaa is running", StringComparison.Ordinal));
        Assert.Contains(wrong, w => w.StartsWith("instance eu-west-1/i-0aaa said stopped, is running", StringComparison.Ordinal));
        Assert.Contains(wrong, w => w.StartsWith("cost still spent per hour: 0", StringComparison.Ordinal));
        Assert.Equal(3, wrong.Count);
    }

    [Fact]
    public void Counts_given_as_complete_with_something_missed_are_false_but_at_least_is_not()
    {
        var report = Report(contained: false, "isolated-running", spotBilling: true, 1.76m);
        Assert.Single(FalseStatements.Check(report, Truth, Final, ["user:aws-support-svc"]));
        Assert.Empty(FalseStatements.Check(Report(contained: false, "isolated-running", spotBilling: true, 1.76m, sight: "partial"), Truth, Final, ["user:aws-support-svc"]));
    }

    [Fact]
    public void A_false_statement_fails_the_drill() =>
        Assert.False(new DrillScorecard
        {
            CaseDir = "cases/c", Scenario = "leaked-key-cryptomining", IdentitiesFound = 5, IdentitiesExpected = 5,
            ResourcesFound = 88, ResourcesExpected = 88, EvidenceVerified = true, FalseStatements = 1,
        }.Passes());
}
