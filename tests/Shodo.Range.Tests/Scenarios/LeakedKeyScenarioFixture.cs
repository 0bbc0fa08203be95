using Shodo.Range.Scenarios;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Scenarios;

/// <summary>One range running <c>leaked-key-cryptomining</c> for a test class.</summary>
public sealed class LeakedKeyScenarioFixture : RangeFixture
{
    protected override RangeOptions Options => new() { Port = 0, Scenario = "leaked-key-cryptomining" };

    public GroundTruth Truth => Range.GroundTruth!;

    /// <summary>The AWS CLI as the responder, retrying LookupEvents throttling like a patient client.</summary>
    public AwsCli PatientCli => new(Range.Url, Range.Responder)
    {
        Environment = new Dictionary<string, string> { ["AWS_MAX_ATTEMPTS"] = "8", ["AWS_RETRY_MODE"] = "standard" },
    };
}
