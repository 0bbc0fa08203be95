namespace Shodo.Investigation.Resources;

/// <summary>The case-stable id of an attacker resource: <c>TYPE:REGION:RESOURCEID</c>, region empty for global ones.</summary>
public static class ResourceId
{
    public static string Of(string type, string? region, string resourceId) => $"{type}:{region}:{resourceId}";
}
