using System.Text.Json;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Organizations.Model;

/// <summary>An Organizations policy's summary (PolicySummary in the model); <see cref="Content"/> only from DescribePolicy.</summary>
public sealed record OrganizationPolicy(string Id, string Name, string Type, bool AwsManaged, string? Content = null)
{
    public const string ServiceControlPolicy = "SERVICE_CONTROL_POLICY";

    public static OrganizationPolicy From(JsonElement summary, string? content = null) => new(
        summary.Text("Id") ?? "", summary.Text("Name") ?? "", summary.Text("Type") ?? "",
        summary.TryGetProperty("AwsManaged", out var managed) && managed.ValueKind == JsonValueKind.True, content);

    /// <summary>The Policy member of CreatePolicy's and DescribePolicy's answers.</summary>
    public static OrganizationPolicy FromPolicy(JsonElement result)
    {
        var policy = result.GetProperty("Policy");
        return From(policy.GetProperty("PolicySummary"), policy.Text("Content"));
    }
}
