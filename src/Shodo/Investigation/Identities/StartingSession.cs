using Shodo.Aws.Iam;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Identities;

/// <summary>
/// A starting key that is a role's session (ASIA…, its events by arn:…:assumed-role/ROLE/SESSION): how a response in a
/// member account starts, from the session key the attacker got there by AssumeRole. Its owner is the role.
/// </summary>
public static class StartingSession
{
    /// <summary>The role whose session the key is, from its events' principal ARN; null for a long-term key or a user's session.</summary>
    public static string? RoleOf(string startingKey, IEnumerable<TrailRecord> keyEvents) =>
        !AccessKeyIdFormat.IsTemporary(startingKey) ? null
        : keyEvents.Select(e => e.PrincipalArn).OfType<string>().Select(RoleOfArn).FirstOrDefault(r => r is not null);

    /// <summary>ROLE of arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION, or null.</summary>
    public static string? RoleOfArn(string arn)
    {
        var resource = arn.Split(':', 6) is { Length: 6 } parts ? parts[5] : null;
        var segments = resource?.Split('/');
        return segments is { Length: >= 3 } && segments[0] == "assumed-role" ? segments[1] : null;
    }
}
