namespace Shodo.Range.State.Iam;

/// <summary>
/// The AWS managed policies the range knows, by ARN, with their real statements. Each policy's
/// document lives in its own file (<c>AwsManagedPolicies.*.cs</c>).
/// </summary>
public static partial class AwsManagedPolicies
{
    public const string AdministratorAccessArn = "arn:aws:iam::aws:policy/AdministratorAccess";

    private static readonly DateTimeOffset Published = new(2015, 2, 6, 18, 39, 46, TimeSpan.Zero);

    private static IEnumerable<(string Name, string Path, string Description, string Document)> All() =>
    [
        ("AdministratorAccess", "/", "Provides full access to AWS services and resources.", AdministratorAccess),
    ];

    public static IamAccount NewAccount()
    {
        var account = new IamAccount();
        foreach (var (name, path, description, document) in All())
        {
            var arn = $"arn:aws:iam::aws:policy{path}{name}";
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
