using Microsoft.Extensions.Time.Testing;
using Shodo.Cases;

namespace Shodo.Tests.Cases;

public class WritePrecedenceTests
{
    private static Case OpenCase(TempFolder root) => Case.Open(root.Path, new CaseOptions
    {
        CallerArn = "arn:aws:iam::123456789012:user/responder", Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero)),
    });

    private static EvidenceDescriptor Page(string region) => new("cloudtrail", "LookupEvents", region);

    [Fact]
    public async Task While_the_first_move_holds_precedence_another_flows_evidence_waits_and_the_holders_is_written_at_once()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        // The trail's reading starts before the first move holds precedence, as PursueStep.Begin does.
        var trailGo = new TaskCompletionSource();
        var trail = Task.Run(async () =>
        {
            await trailGo.Task;
            return await c.Evidence.StoreAsync(Samples.Utf8("{\"Events\":[]}"), Page("eu-west-3"));
        });
        using (var first = c.Precedence.Hold())
        {
            trailGo.SetResult();
            var mine = await Task.Run(() => c.Evidence.StoreAsync(Samples.Utf8("{\"User\":{}}"), new EvidenceDescriptor("iam", "GetUser", null)));
            await Task.Delay(100);
            Assert.False(trail.IsCompleted);
            Assert.Single(Stored(c));
            Assert.Equal("GetUser", Stored(c)[0]);
        }
        await trail.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["GetUser", "LookupEvents"], Stored(c));
    }

    [Fact]
    public async Task Nobody_waits_when_precedence_is_not_held_or_is_released_twice()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        var held = c.Precedence.Hold();
        held.Dispose();
        held.Dispose();
        var other = Task.Run(() => c.Evidence.StoreAsync(Samples.Utf8("{}"), Page("us-east-1")));
        await other.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["LookupEvents"], Stored(c));
    }

    private static List<string> Stored(Case c) =>
        File.ReadAllLines(Path.Combine(c.Directory, "journal.jsonl"))
            .Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!)
            .Where(e => (string?)e["kind"] == JournalKinds.EvidenceStored)
            .Select(e => (string)e["data"]!["operation"]!)
            .ToList();
}
