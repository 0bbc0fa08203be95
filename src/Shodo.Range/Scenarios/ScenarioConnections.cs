using Shodo.Range.State;

namespace Shodo.Range.Scenarios;

/// <summary>
/// Opens the live connections a scenario declares (<c>ec2.connections</c>) once its timeline has played, so the
/// instances the attacker launched hold them when the response begins.
/// </summary>
public static class ScenarioConnections
{
    public static void Open(RangeState state, ScenarioFile file, SavedResults saved)
    {
        lock (state.Sync)
            foreach (var spec in file.Ec2.Connections)
            {
                var region = state.Ec2(spec.Region);
                var id = saved.Substitute(spec.Instance, new Dictionary<string, string>());
                var instance = region.FindInstance(id) ?? throw new ScenarioException($"ec2.connections names instance {id}, which is not in {spec.Region}");
                var eni = spec.Interface == 0 ? null
                    : instance.ExtraInterfaces.FirstOrDefault(e => e.DeviceIndex == spec.Interface)?.NetworkInterfaceId
                      ?? throw new ScenarioException($"ec2.connections names interface {spec.Interface} of {id}, which has none");
                region.OpenConnection(instance, spec.Remote, spec.Port, eni);
            }
    }
}
