using System.Text;

namespace Shodo.Hunting.Sql;

/// <summary>
/// The Athena CloudTrail table's layout built in DuckDB over trail log files as CloudTrail delivers
/// them (<c>{"Records":[...]}</c>, gzipped or not), so the SQL compiled for Athena can be run and
/// checked on a laptop: same column names, same structs, JSON text where Athena has JSON text.
/// </summary>
public static class DuckDbCloudTrailTable
{
    /// <summary>The record's own JSON: not in Athena's layout; what keyword searches read in DuckDB.</summary>
    public const string RecordColumn = "recordjson";

    private static readonly (string Column, string Path)[] Scalars =
    [
        ("eventversion", "eventVersion"), ("eventtime", "eventTime"), ("eventsource", "eventSource"), ("eventname", "eventName"),
        ("awsregion", "awsRegion"), ("sourceipaddress", "sourceIPAddress"), ("useragent", "userAgent"), ("errorcode", "errorCode"),
        ("errormessage", "errorMessage"), ("requestparameters", "requestParameters"), ("responseelements", "responseElements"),
        ("additionaleventdata", "additionalEventData"), ("requestid", "requestID"), ("eventid", "eventID"), ("eventtype", "eventType"),
        ("apiversion", "apiVersion"), ("readonly", "readOnly"), ("recipientaccountid", "recipientAccountId"),
        ("serviceeventdetails", "serviceEventDetails"), ("sharedeventid", "sharedEventID"), ("vpcendpointid", "vpcEndpointId"),
        ("eventcategory", "eventCategory"), ("sessioncredentialfromconsole", "sessionCredentialFromConsole"),
    ];

    /// <summary>Statements that create view <paramref name="table"/> over the files matching <paramref name="glob"/>.</summary>
    public static string CreateSql(string glob, string table = "cloudtrail")
    {
        static string S(string path) => $"j->>'$.{path}'";
        var b = new StringBuilder();
        b.Append($"CREATE OR REPLACE VIEW {table}_records AS SELECT unnest(json_extract(json, '$.Records[*]')) AS j ");
        b.Append($"FROM read_json_objects({SqlText.Quote(glob)}, format = 'unstructured', maximum_object_size = 1073741824);\n");
        b.Append($"CREATE OR REPLACE VIEW {table} AS SELECT\n");
        b.Append(string.Join(",\n", Scalars.Select(s => $"  {S(s.Path)} AS {s.Column}")));
        b.Append(",\n  struct_pack(type := " + S("userIdentity.type") + ", principalid := " + S("userIdentity.principalId")
            + ", arn := " + S("userIdentity.arn") + ", accountid := " + S("userIdentity.accountId")
            + ", invokedby := " + S("userIdentity.invokedBy") + ", accesskeyid := " + S("userIdentity.accessKeyId")
            + ", username := " + S("userIdentity.userName")
            + ", sessioncontext := struct_pack(attributes := struct_pack(mfaauthenticated := " + S("userIdentity.sessionContext.attributes.mfaAuthenticated")
            + ", creationdate := " + S("userIdentity.sessionContext.attributes.creationDate") + "), sessionissuer := struct_pack(type := "
            + S("userIdentity.sessionContext.sessionIssuer.type") + ", principalid := " + S("userIdentity.sessionContext.sessionIssuer.principalId")
            + ", arn := " + S("userIdentity.sessionContext.sessionIssuer.arn") + ", accountid := " + S("userIdentity.sessionContext.sessionIssuer.accountId")
            + ", username := " + S("userIdentity.sessionContext.sessionIssuer.userName") + "))) AS useridentity");
        b.Append(",\n  struct_pack(tlsversion := " + S("tlsDetails.tlsVersion") + ", ciphersuite := " + S("tlsDetails.cipherSuite")
            + ", clientprovidedhostheader := " + S("tlsDetails.clientProvidedHostHeader") + ") AS tlsdetails");
        b.Append(",\n  CASE WHEN json_type(j, '$.resources') = 'ARRAY' THEN list_transform(json_extract(j, '$.resources[*]'),"
            + " r -> struct_pack(arn := r->>'$.ARN', accountid := r->>'$.accountId', type := r->>'$.type')) END AS resources");
        b.Append($",\n  j AS {RecordColumn}");
        b.Append($"\nFROM {table}_records;\n");
        return b.ToString();
    }
}
