using Shodo.Range.Serving;
using Shodo.Range.Services.Ec2;
using Shodo.Range.Services.S3;

namespace Shodo.Range.Tests.Hosting;

/// <summary>
/// Every service registers its operations one way (src/Shodo.Range/README.md): a class per operation deriving from its
/// protocol's action base, listed by the service of its namespace. A class written but not listed (a registration line
/// lost in a merge) would answer InvalidAction on the range and fails here.
/// </summary>
public sealed class OperationRegistrationTests
{
    private static readonly Type[] Bases = [typeof(QueryAction), typeof(JsonAction), typeof(Ec2Action), typeof(S3Action)];

    private static IReadOnlyList<(string Name, Type Type)> Listed(IAwsService service) => service switch
    {
        QueryService query => query.Actions.Select(a => (a.Name, a.GetType())).ToList(),
        JsonService json => json.Actions.Select(a => (a.Name, a.GetType())).ToList(),
        Ec2Service ec2 => ec2.Actions.Select(a => (a.Name, a.GetType())).ToList(),
        S3Service => S3Service.Actions.Select(a => (a.Name, a.GetType())).ToList(),
        _ => throw new InvalidOperationException($"{service.GetType().Name} registers its operations in no known style."),
    };

    [Fact]
    public void Every_service_of_the_catalog_lists_its_operations_as_action_classes_of_its_own_namespace()
    {
        foreach (var service in ServiceCatalog.Create())
        {
            var listed = Listed(service);
            Assert.NotEmpty(listed);
            Assert.All(listed, a => Assert.Equal(service.GetType().Namespace, a.Type.Namespace));
        }
    }

    [Fact]
    public void Every_operation_class_is_listed_and_one_with_no_arguments_is_named_after_its_operation()
    {
        var listed = ServiceCatalog.Create().SelectMany(Listed).ToList();
        var classes = typeof(QueryAction).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && Bases.Any(b => b.IsAssignableFrom(t))).ToList();
        Assert.True(classes.Count > 100, $"only {classes.Count} operation classes found");
        var unlisted = classes.Where(t => listed.All(a => a.Type != t)).Select(t => t.FullName).ToList();
        Assert.True(unlisted.Count == 0, "Operation classes no service lists:\n" + string.Join("\n", unlisted));
        foreach (var (name, type) in listed.Where(a => a.Type.GetConstructor(Type.EmptyTypes) is not null))
            Assert.Equal(type.Name, name);
    }

    /// <summary>S3 Control's operations are served beside S3's (the same signing name) and listed by <see cref="Shodo.Range.Services.S3.Control.S3Control"/>.</summary>
    [Fact]
    public void Every_S3_Control_operation_class_is_listed()
    {
        var listed = Shodo.Range.Services.S3.Control.S3Control.Actions.Select(a => a.GetType()).ToList();
        var classes = typeof(QueryAction).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(Shodo.Range.Services.S3.Control.S3ControlAction).IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(classes);
        Assert.Equal(classes.OrderBy(t => t.Name), listed.OrderBy(t => t.Name));
    }
}
