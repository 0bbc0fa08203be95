using Shodo.Aws.Protocols;

namespace Shodo.Aws.Athena;

/// <summary>
/// The Amazon Athena operations Shodo sends (botocore athena/2017-05-18, JSON 1.1, target prefix
/// AmazonAthena): hunting runs compiled detection queries where the trail logs already are.
/// StartQueryExecution is on the interlock's allowlist: it runs a SELECT and writes only query results.
/// </summary>
public static class AthenaOperations
{
    public static AwsServiceModel Service { get; } = new("athena", "2017-05-18", JsonTargetPrefix: "AmazonAthena");

    private static AwsOperation Op(string name) => AwsOperation.Of("athena", name);

    public static AwsOperation StartQueryExecution { get; } = Op("StartQueryExecution");
    public static AwsOperation GetQueryExecution { get; } = Op("GetQueryExecution");
    public static AwsOperation GetQueryResults { get; } = Op("GetQueryResults");
}
