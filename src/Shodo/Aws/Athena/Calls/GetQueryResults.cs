using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Athena.Calls;

/// <summary>
/// athena:GetQueryResults — rows of a finished query, up to 1000 a page, paged by NextToken. For a
/// SELECT the first row of the first page holds the column names.
/// </summary>
public sealed record GetQueryResults(string QueryExecutionId, int MaxResults = 1000) : JsonPagedCall<IReadOnlyList<string?>>
{
    public override AwsOperation Operation => AthenaOperations.GetQueryResults;

    public override void Write(JsonObject body)
    {
        body["QueryExecutionId"] = QueryExecutionId;
        body["MaxResults"] = MaxResults;
    }

    public override IReadOnlyList<IReadOnlyList<string?>> Read(JsonElement result) =>
        (result.Child("ResultSet") ?? default).Items("Rows")
            .Select(row => (IReadOnlyList<string?>)row.Items("Data").Select(d => d.Text("VarCharValue")).ToList())
            .ToList();
}
