namespace Shodo.Aws.Protocols;

/// <summary>
/// What the wire needs to know about a service without an SDK package, from its botocore model's
/// metadata: signing name (= endpoint prefix), API version, a global endpoint if it has one, and
/// the JSON target prefix for JSON 1.1 services.
/// </summary>
public sealed record AwsServiceModel(
    string Name, string ApiVersion, bool Global = false, string? JsonTargetPrefix = null)
{
    /// <summary>REST-JSON (RAM): each operation is <c>POST /{operation in lower case}</c> with a JSON body, no target header.</summary>
    public bool RestJson { get; init; }

    public static AwsServiceModel Iam { get; } = new("iam", "2010-05-08", Global: true);
    public static AwsServiceModel Rds { get; } = new("rds", "2014-10-31");
    public static AwsServiceModel AutoScaling { get; } = new("autoscaling", "2011-01-01");
    public static AwsServiceModel CloudTrail { get; } =
        new("cloudtrail", "2013-11-01", JsonTargetPrefix: "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101");
    public static AwsServiceModel Ram { get; } = new("ram", "2018-01-04") { RestJson = true };
}
