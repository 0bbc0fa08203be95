using System.Text.RegularExpressions;

namespace Shodo.Hunting.Sql;

/// <summary>
/// The CloudTrail table AWS documents for Athena ("Creating the table for CloudTrail logs"): top-level
/// strings, <c>useridentity</c> and <c>tlsdetails</c> structs, <c>resources</c> (an array of structs), and
/// JSON text columns (<c>requestparameters</c>, <c>responseelements</c>, ...). Maps a Sigma field path on
/// the record to a column expression, or says why it cannot.
/// </summary>
public static partial class CloudTrailTableLayout
{
    private static readonly Dictionary<string, string> Scalars = new(StringComparer.Ordinal)
    {
        ["eventVersion"] = "eventversion", ["eventTime"] = "eventtime", ["eventSource"] = "eventsource",
        ["eventName"] = "eventname", ["awsRegion"] = "awsregion", ["sourceIPAddress"] = "sourceipaddress",
        ["userAgent"] = "useragent", ["errorCode"] = "errorcode", ["errorMessage"] = "errormessage",
        ["requestID"] = "requestid", ["eventID"] = "eventid", ["eventType"] = "eventtype", ["apiVersion"] = "apiversion",
        ["readOnly"] = "readonly", ["recipientAccountId"] = "recipientaccountid", ["sharedEventID"] = "sharedeventid",
        ["vpcEndpointId"] = "vpcendpointid", ["eventCategory"] = "eventcategory",
        ["sessionCredentialFromConsole"] = "sessioncredentialfromconsole",
    };

    /// <summary>The JSON text columns, by their record name.</summary>
    public static IReadOnlyDictionary<string, string> JsonColumns { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["requestParameters"] = "requestparameters", ["responseElements"] = "responseelements",
        ["additionalEventData"] = "additionaleventdata", ["serviceEventDetails"] = "serviceeventdetails",
    };

    /// <summary>The struct fields of the documented DDL, by their record path.</summary>
    private static readonly Dictionary<string, string> StructFields = new(StringComparer.Ordinal)
    {
        ["userIdentity.type"] = "useridentity.type", ["userIdentity.principalId"] = "useridentity.principalid",
        ["userIdentity.arn"] = "useridentity.arn", ["userIdentity.accountId"] = "useridentity.accountid",
        ["userIdentity.invokedBy"] = "useridentity.invokedby", ["userIdentity.accessKeyId"] = "useridentity.accesskeyid",
        ["userIdentity.userName"] = "useridentity.username",
        ["userIdentity.sessionContext.attributes.mfaAuthenticated"] = "useridentity.sessioncontext.attributes.mfaauthenticated",
        ["userIdentity.sessionContext.attributes.creationDate"] = "useridentity.sessioncontext.attributes.creationdate",
        ["userIdentity.sessionContext.sessionIssuer.type"] = "useridentity.sessioncontext.sessionissuer.type",
        ["userIdentity.sessionContext.sessionIssuer.principalId"] = "useridentity.sessioncontext.sessionissuer.principalid",
        ["userIdentity.sessionContext.sessionIssuer.arn"] = "useridentity.sessioncontext.sessionissuer.arn",
        ["userIdentity.sessionContext.sessionIssuer.accountId"] = "useridentity.sessioncontext.sessionissuer.accountid",
        ["userIdentity.sessionContext.sessionIssuer.userName"] = "useridentity.sessioncontext.sessionissuer.username",
        ["tlsDetails.tlsVersion"] = "tlsdetails.tlsversion", ["tlsDetails.cipherSuite"] = "tlsdetails.ciphersuite",
        ["tlsDetails.clientProvidedHostHeader"] = "tlsdetails.clientprovidedhostheader",
    };

    /// <summary>The members of the <c>resources</c> array's structs, by their record name.</summary>
    private static readonly Dictionary<string, string> ResourceMembers = new(StringComparer.Ordinal)
    {
        ["ARN"] = "arn", ["accountId"] = "accountid", ["type"] = "type",
    };

    /// <summary>Every scalar column and struct member: what a keyword (full-text) search reads besides the JSON columns.</summary>
    public static IEnumerable<string> TextColumns => Scalars.Values.Concat(StructFields.Values);

    // A key a JSON path can name in double quotes in both dialects.
    [GeneratedRegex("^[^\"\\\\\\p{Cc}]+$")]
    private static partial Regex QuotableKey();

    /// <summary>The column expression for a field path, or null with the reason it has none.</summary>
    public static SqlField? Column(string field, SqlDialect dialect, out string? unsupported)
    {
        unsupported = null;
        if (Scalars.TryGetValue(field, out var scalar)) return new SqlScalarField(scalar, $"({scalar} IS NOT NULL)");
        if (StructFields.TryGetValue(field, out var member)) return new SqlScalarField(member, $"({member} IS NOT NULL)");
        var dot = field.IndexOf('.');
        if (dot > 0 && JsonColumns.TryGetValue(field[..dot], out var json))
        {
            var keys = field[(dot + 1)..].Split('.');
            if (keys.All(k => QuotableKey().IsMatch(k))) return new SqlListField(dialect.JsonPathTexts(json, keys));
            unsupported = $"field {field} has a key JSON paths cannot name";
            return null;
        }
        if (dot > 0 && field[..dot] == "resources" && ResourceMembers.TryGetValue(field[(dot + 1)..], out var resource))
            return new SqlListField(dialect.StructArrayTexts("resources", resource));
        if (JsonColumns.ContainsKey(field) || field == "resources")
        {
            unsupported = $"field {field} is a whole JSON object or array";
            return null;
        }
        unsupported = $"field {field} is not a column of the CloudTrail table";
        return null;
    }
}
