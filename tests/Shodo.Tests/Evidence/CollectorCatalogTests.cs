using Shodo.Aws;
using Shodo.Evidence;

namespace Shodo.Tests.Evidence;

public sealed class CollectorCatalogTests
{
    [Fact]
    public void Every_collector_has_a_unique_name_and_sends_only_declared_read_only_operations()
    {
        Assert.Equal(CollectorCatalog.All.Count, CollectorCatalog.All.Select(c => c.Name).Distinct().Count());
        foreach (var collector in CollectorCatalog.All)
        {
            Assert.NotEmpty(collector.Operations);
            Assert.All(collector.Operations, o =>
            {
                Assert.True(OperationCatalog.IsDeclared(o), $"{collector.Name}: {o} is not declared");
                Assert.True(o.IsReadOnly, $"{collector.Name}: {o} is not read-only");
            });
        }
    }
}
