using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Shodo.Hunting.Sql;

/// <summary>
/// The Athena table over an organisation trail's bucket (issue 21): the CloudTrail table AWS documents for Athena, over
/// <c>s3://bucket[/prefix]/AWSLogs/o-ORGID/</c>, with partition projection over the folders CloudTrail writes there,
/// <c>ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/</c> — partitions <c>account</c> and <c>region</c> (enums of the accounts and regions
/// given) and <c>timestamp</c> (days from <see cref="From"/> to now), so no partition is ever added by hand and a hunt with a
/// window reads only its days. The hunt selects <c>account</c> beside the record's fields: every match says whose it is.
/// </summary>
public sealed partial record OrganizationTrailTable(string Table, string Bucket, string? Prefix, string OrganizationId,
    IReadOnlyList<string> Accounts, IReadOnlyList<string> Regions, DateOnly From)
{
    /// <summary>The partition columns, as CloudTrail's folders name them.</summary>
    public const string AccountColumn = "account", RegionColumn = "region", DayColumn = "timestamp";

    /// <summary>The folder of the organisation: <c>s3://bucket[/prefix]/AWSLogs/o-ORGID/</c>.</summary>
    public string Location => $"s3://{Bucket}/{(string.IsNullOrEmpty(Prefix) ? "" : Prefix.TrimEnd('/') + "/")}AWSLogs/{OrganizationId}/";

    /// <summary>
    /// The organisation's folder named by an <c>s3://</c> location (<c>…/AWSLogs/o-ORGID[/]</c>), as bucket, prefix and
    /// organisation id; null when the location is not an organisation trail's folder.
    /// </summary>
    public static (string Bucket, string? Prefix, string OrganizationId)? FolderOf(string location)
    {
        var match = OrganizationFolder().Match(location);
        if (!match.Success) return null;
        var prefix = match.Groups["prefix"].Value.Trim('/');
        return (match.Groups["bucket"].Value, prefix.Length == 0 ? null : prefix, match.Groups["org"].Value);
    }

    [GeneratedRegex(@"^s3://(?<bucket>[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9])/(?<prefix>(?:[^/]+/)*?)AWSLogs/(?<org>o-[a-z0-9]{10,32})/?$")]
    private static partial Regex OrganizationFolder();

    /// <summary>The CREATE EXTERNAL TABLE statement: AWS's CloudTrail columns, the three partitions and their projection.</summary>
    public string CreateTable()
    {
        if (Accounts.Count == 0 || Regions.Count == 0) throw new InvalidOperationException("the table needs its accounts and regions");
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"CREATE EXTERNAL TABLE {Table} (\n");
        b.Append(string.Join(",\n", Columns.Select(c => "  " + c)));
        b.Append(CultureInfo.InvariantCulture, $"\n)\nPARTITIONED BY ({AccountColumn} string, {RegionColumn} string, `{DayColumn}` string)\n");
        b.Append("ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'\n");
        b.Append("STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'\n");
        b.Append("OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'\n");
        b.Append(CultureInfo.InvariantCulture, $"LOCATION {SqlText.Quote(Location)}\n");
        b.Append("TBLPROPERTIES (\n");
        b.Append(string.Join(",\n", Properties().Select(p => $"  {SqlText.Quote(p.Key)}={SqlText.Quote(p.Value)}")));
        b.Append("\n);\n");
        return b.ToString();
    }

    /// <summary>The table's partition projection and where each partition's files are.</summary>
    public IEnumerable<KeyValuePair<string, string>> Properties()
    {
        yield return new("projection.enabled", "true");
        yield return new($"projection.{AccountColumn}.type", "enum");
        yield return new($"projection.{AccountColumn}.values", string.Join(",", Accounts));
        yield return new($"projection.{RegionColumn}.type", "enum");
        yield return new($"projection.{RegionColumn}.values", string.Join(",", Regions));
        yield return new($"projection.{DayColumn}.type", "date");
        yield return new($"projection.{DayColumn}.format", "yyyy/MM/dd");
        yield return new($"projection.{DayColumn}.interval", "1");
        yield return new($"projection.{DayColumn}.interval.unit", "DAYS");
        yield return new($"projection.{DayColumn}.range", From.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture) + ",NOW");
        yield return new("storage.location.template", $"{Location}${{{AccountColumn}}}/CloudTrail/${{{RegionColumn}}}/${{{DayColumn}}}");
    }

    /// <summary>
    /// What a hunt's window reads of the table: the days from the window's start to the day after its end (CloudTrail files an
    /// event by the day of the file's delivery, which may be the day after), as predicates on the <c>timestamp</c> partition.
    /// </summary>
    public static IReadOnlyList<string> DaysOf(DateTimeOffset? since, DateTimeOffset? until)
    {
        static string Day(DateTime d) => SqlText.Quote(d.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture));
        var days = new List<string>();
        if (since is { } s) days.Add($"\"{DayColumn}\" >= {Day(s.UtcDateTime.Date)}");
        if (until is { } u) days.Add($"\"{DayColumn}\" <= {Day(u.UtcDateTime.Date.AddDays(1))}");
        return days;
    }

    /// <summary>
    /// The columns of AWS's CloudTrail table for Athena ("Create the table for CloudTrail logs in Athena using partition
    /// projection"): every column and struct member <see cref="CloudTrailTableLayout"/> maps a field to.
    /// </summary>
    public static readonly string[] Columns =
    [
        "eventversion STRING",
        "useridentity STRUCT<type: STRING, principalid: STRING, arn: STRING, accountid: STRING, invokedby: STRING, accesskeyid: STRING, " +
            "username: STRING, onbehalfof: STRUCT<userid: STRING, identitystorearn: STRING>, " +
            "sessioncontext: STRUCT<attributes: STRUCT<mfaauthenticated: STRING, creationdate: STRING>, " +
            "sessionissuer: STRUCT<type: STRING, principalid: STRING, arn: STRING, accountid: STRING, username: STRING>, " +
            "ec2roledelivery: STRING, webidfederationdata: STRUCT<federatedprovider: STRING, attributes: MAP<STRING, STRING>>>>",
        "eventtime STRING", "eventsource STRING", "eventname STRING", "awsregion STRING", "sourceipaddress STRING", "useragent STRING",
        "errorcode STRING", "errormessage STRING", "requestparameters STRING", "responseelements STRING", "additionaleventdata STRING",
        "requestid STRING", "eventid STRING", "readonly STRING",
        "resources ARRAY<STRUCT<arn: STRING, accountid: STRING, type: STRING>>",
        "eventtype STRING", "apiversion STRING", "recipientaccountid STRING", "serviceeventdetails STRING", "sharedeventid STRING",
        "vpcendpointid STRING", "eventcategory STRING",
        "tlsdetails STRUCT<tlsversion: STRING, ciphersuite: STRING, clientprovidedhostheader: STRING>",
        "sessioncredentialfromconsole STRING",
    ];
}
