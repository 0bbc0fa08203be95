namespace Shodo.Range.State.Iam;

/// <summary>
/// The AWS managed policies the range knows, by ARN, with their real statements. Each policy's
/// document lives in its own file (<c>AwsManagedPolicies.*.cs</c>).
/// </summary>
public static partial class AwsManagedPolicies
{
    public const string AdministratorAccessArn = "arn:aws:iam::aws:policy/AdministratorAccess";
    public const string ReadOnlyAccessArn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    public const string DenyAllArn = "arn:aws:iam::aws:policy/AWSDenyAll";
    public const string QuarantineV1Arn = "arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantine";
    public const string QuarantineV3Arn = "arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3";

    private static readonly DateTimeOffset Published = new(2015, 2, 6, 18, 39, 46, TimeSpan.Zero);

    private static IEnumerable<(string Name, string Path, string Description, string Document)> All() =>
    [
        ("AdministratorAccess", "/", "Provides full access to AWS services and resources.", AdministratorAccess),
        ("ReadOnlyAccess", "/", "Provides read-only access to AWS services and resources.", ReadOnlyAccess),
        ("AWSDenyAll", "/", "Deny all access.", DenyAll),
        ("AWSCompromisedKeyQuarantine", "/",
            "Denies access to certain actions, applied by the AWS team in the event that an IAM user's credentials " +
            "have been compromised or exposed publicly. Do NOT remove this policy. Instead, please follow the " +
            "instructions specified in the email sent to you regarding this event.", QuarantineV1),
        ("AWSCompromisedKeyQuarantineV3", "/",
            "Denies access to certain actions, applied by AWS in the event that an IAM user's credentials have been " +
            "compromised or exposed publicly. The policy aims to limit the potential damage that may be caused by " +
            "fraud-related activity leading to unauthorized charges, while not impacting the existing resources. Do " +
            "NOT remove this policy. Instead, please follow the instructions specified in the support case created " +
            "for you regarding this event.", QuarantineV3),
    ];

    /// <summary>An AWS managed policy's ARN (one of the constants above) as it reads in <paramref name="partition"/>.</summary>
    public static string InPartition(string commercialArn, string partition) =>
        partition == RangePartitions.Aws || !commercialArn.StartsWith("arn:aws:", StringComparison.Ordinal)
            ? commercialArn : $"arn:{partition}:" + commercialArn["arn:aws:".Length..];

    public static IamAccount NewAccount(string partition = RangePartitions.Aws)
    {
        var account = new IamAccount();
        foreach (var (name, path, description, document) in All())
        {
            var arn = $"arn:{partition}:iam::aws:policy{path}{name}";
            account.Policies[arn] = new ManagedPolicy
            {
                PolicyName = name, PolicyId = "ANPA" + IamIds.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17),
                Arn = arn, Path = path, Description = description, IsAwsManaged = true,
                CreateDate = Published, UpdateDate = Published,
                Versions = [new PolicyVersion("v1", document, Published)],
            };
        }
        return account;
    }

    private const string AdministratorAccess = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "*",
              "Resource": "*"
            }
          ]
        }
        """;
}
