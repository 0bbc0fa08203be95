using System.Text;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>
/// LookupEvents' NextToken: the position of the last event returned (time, then order of recording)
/// and a fingerprint of the query, so a token used with different parameters is refused as on AWS.
/// </summary>
internal readonly record struct LookupNextToken(long Ticks, int Index, string Query)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"1|{Ticks}|{Index}|{Query}"));

    public static LookupNextToken Decode(string token, string query)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|', 4);
            if (parts is ["1", var ticks, var index, var q] && q == query)
                return new LookupNextToken(long.Parse(ticks), int.Parse(index), q);
        }
        catch (FormatException)
        {
        }
        throw new AwsError("InvalidNextTokenException", "Invalid NextToken");
    }
}
