using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Athena.Calls;

/// <summary>athena:StartQueryExecution — start a query; answers its QueryExecutionId.</summary>
public sealed record StartQueryExecution(string QueryString, string? Database, string? OutputLocation, string? WorkGroup,
    string? Catalog = null, string? ClientRequestToken = null) : JsonCall<string>
{
    public override AwsOperation Operation => AthenaOperations.StartQueryExecution;

    public override void Write(JsonObject body)
    {
        body["QueryString"] = QueryString;
        if (Database is not null || Catalog is not null)
        {
            var context = new JsonObject();
            if (Database is not null) context["Database"] = Database;
            if (Catalog is not null) context["Catalog"] = Catalog;
            body["QueryExecutionContext"] = context;
        }
        if (OutputLocation is not null) body["ResultConfiguration"] = new JsonObject { ["OutputLocation"] = OutputLocation };
        if (WorkGroup is not null) body["WorkGroup"] = WorkGroup;
        if (ClientRequestToken is not null) body["ClientRequestToken"] = ClientRequestToken;
    }

    public override string Read(JsonElement result) => result.Text("QueryExecutionId") ?? "";
}
