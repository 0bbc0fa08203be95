namespace Shodo.Range.State.Iam;

public static partial class AwsManagedPolicies
{
    /// <summary>AWSDenyAll, default version v2.</summary>
    private const string DenyAll = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "DenyAll",
              "Effect": "Deny",
              "Action": ["*"],
              "Resource": "*"
            }
          ]
        }
        """;
}
