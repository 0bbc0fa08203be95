using System.Globalization;
using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.Services.Rds;
using Shodo.Range.State.AutoScaling;

namespace Shodo.Range.Services.AutoScaling;

/// <summary>
/// SuspendProcesses and ResumeProcesses: the named processes (all of them when none is named) are suspended or
/// resumed; the others keep their state. An unknown process name is a ValidationError, as AWS answers.
/// </summary>
public abstract class ScalingProcessChange : QueryAction
{
    protected abstract bool Suspend { get; }

    public override AwsResponse Handle(AwsCall call)
    {
        var request = call.Request;
        var name = request.RequiredParam("AutoScalingGroupName");
        var processes = QueryParameters.List(request, "ScalingProcesses", "member");
        var parameters = new JsonObject { ["autoScalingGroupName"] = name };
        if (processes.Count > 0) parameters["scalingProcesses"] = new JsonArray(processes.Select(p => (JsonNode)JsonValue.Create(p)).ToArray());
        call.RequestParameters = parameters;

        if (processes.FirstOrDefault(p => !ScalingProcesses.All.Contains(p)) is { } unknown)
            throw AutoScalingErrors.Validation($"Process {unknown} is not a valid scaling process.");
        var group = AutoScalingLookup.Group(call, name);
        var reason = "User suspended at " + call.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        foreach (var process in processes.Count > 0 ? processes : ScalingProcesses.All)
        {
            if (Suspend) group.Suspended.TryAdd(process, reason);
            else group.Suspended.Remove(process);
        }
        return new XmlResult();
    }
}

public sealed class SuspendProcesses : ScalingProcessChange
{
    public override string Name => "SuspendProcesses";
    protected override bool Suspend => true;
}

public sealed class ResumeProcesses : ScalingProcessChange
{
    public override string Name => "ResumeProcesses";
    protected override bool Suspend => false;
}
