using System.Text.RegularExpressions;

namespace Shodo.Hunting.Sql;

/// <summary>
/// The CloudTrail table AWS documents for Athena ("Creating the table for CloudTrail logs"): top-level
/// strings, <c>useridentity</c> and <c>tlsdetails</c> structs, and JSON text columns
/// (<c>requestparameters</c>, <c>responseelements</c>, ...). Maps a Sigma field path on the record to a
/// column expression, or says why it cannot.
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

    private static readonly Dictionary<string, string> JsonColumns = new(StringComparer.Ordinal)
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

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex SimpleKey();

    /// <summary>The column expression for a field path, or null with the reason it has none.</summary>
    public static SqlField? Column(string field, SqlDialect dialect, out string? unsupported)
    {
        unsupported = null;
        if (Scalars.TryGetValue(field, out var scalar)) return new SqlField(scalar, $"({scalar} IS NOT NULL)");
        if (StructFields.TryGetValue(field, out var member)) return new SqlField(member, $"({member} IS NOT NULL)");
        var dot = field.IndexOf('.');
        if (dot > 0 && JsonColumns.TryGetValue(field[..dot], out var json))
        {
            var keys = field[(dot + 1)..].Split('.');
            var path = "$." + string.Join('.', keys);
            if (keys.All(k => SimpleKey().IsMatch(k))) return new SqlField(dialect.JsonScalar(json, path), dialect.JsonPresent(json, path));
            unsupported = $"field {field} has a key JSON paths cannot name";
            return null;
        }
        if (JsonColumns.TryGetValue(field, out var whole))
        {
            unsupported = $"field {field} is a whole JSON object";
            return null;
        }
        unsupported = $"field {field} is not a column of the CloudTrail table (or crosses an array)";
        return null;
    }
}

/// <summary>A field as SQL: its scalar text (NULL when missing, null, an object or an array) and whether it is present and not null.</summary>
public sealed record SqlField(string Scalar, string Present);
