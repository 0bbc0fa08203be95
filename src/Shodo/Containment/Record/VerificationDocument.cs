using System.Globalization;
using System.Text.Json.Serialization;
using Shodo.Investigation.Model;

namespace Shodo.Containment.Record;

/// <summary>
/// containment-verification.json as written and read (<see cref="VerificationFile"/>): the plan it verified, when, whether
/// everything is contained, what is not yet (<see cref="Remaining"/>), what appeared since planning, and what could not be read.
/// </summary>
public sealed record VerificationDocument(
    string Format, string PlanSha256, string VerifiedAt, bool Contained,
    IReadOnlyList<RemainingItem> Remaining, IReadOnlyList<AttackerResource> NewResources, IReadOnlyList<VerificationUnread> Unread)
{
    public static VerificationDocument Of(VerificationResult result) => new(
        VerificationFile.FormatName, result.PlanSha256, result.VerifiedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        result.Contained, result.Remaining, result.NewResources,
        result.Unread.Select(u => new VerificationUnread(u.Scope, u.Region, u.Code, u.Message, u.Retryable, u.IsTarget)).ToList());
}

/// <summary>Something the verification could not read (<see cref="Shodo.Containment.UnreadItem"/>), as the document holds it.</summary>
public sealed record VerificationUnread(
    string Scope,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Region,
    string Code, string Message, bool Retryable, bool Target);
