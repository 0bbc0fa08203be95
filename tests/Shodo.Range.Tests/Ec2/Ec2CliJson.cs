using System.Text.Json;
using System.Text.RegularExpressions;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Ec2;

/// <summary>Reading the AWS CLI's parsed EC2 output.</summary>
public static class Ec2CliJson
{
    public const string ImageId = "ami-0abcdef1234567890";

    public static IEnumerable<JsonElement> Items(this JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) ? list.EnumerateArray() : [];

    public static string Str(this JsonElement e, string name) =>
        e.GetProperty(name).GetString() ?? throw new InvalidOperationException($"{name} is null");

    /// <summary>Every instance of describe-instances output, across reservations.</summary>
    public static List<JsonElement> Instances(this JsonElement describe) =>
        describe.Items("Reservations").SelectMany(r => r.Items("Instances")).ToList();

    public static string StateName(this JsonElement instance) => instance.GetProperty("State").Str("Name");

    /// <summary>
    /// The error message the CLI printed, without the "(reached max retries: N)" note botocore puts
    /// between the operation name and the message.
    /// </summary>
    public static string? Message(this AwsCliResult result) =>
        Regex.Match(result.Stderr, @"An error occurred \([^)]+\) when calling the \w+ operation(?: \(reached max retries: \d+\))?: (.*)")
            is { Success: true } m ? m.Groups[1].Value.Trim() : null;

    public static string? Tag(this JsonElement resource, string key) =>
        resource.Items("Tags").Where(t => t.Str("Key") == key).Select(t => t.Str("Value")).FirstOrDefault();
}
