using Shodo.Investigation.Triage.Signs;

namespace Shodo.Investigation.Triage;

/// <summary>Every sign triage looks for, one line each.</summary>
public static class SignDetectors
{
    public static IReadOnlyList<ISignDetector> All { get; } =
    [
        new NewAddressSigns(),
        new NewUserAgentSigns(),
        new UnusedRegionInstanceSigns(),
        new NewUserSigns(),
        new NewAccessKeySigns(),
        new CreatedCredentialSigns(),
    ];
}
