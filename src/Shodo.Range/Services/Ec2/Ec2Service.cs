using Shodo.Range.Serving;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// Amazon EC2 on the range (EC2 Query protocol, API version 2016-11-15), per region. A region the
/// account has not opted into answers every call with AuthFailure, as AWS does.
/// </summary>
public sealed class Ec2Service : IAwsService
{
    private static readonly IEc2Actions[] Families =
    [
        new RegionActions(),
        new RunInstancesActions(),
        new DescribeInstancesActions(),
        new InstanceStateActions(),
        new InstanceAttributeActions(),
        new SpotActions(),
        new SpotFleetActions(),
        new Ec2FleetActions(),
        new KeyPairActions(),
        new SecurityGroupActions(),
        new VolumeActions(),
        new SnapshotActions(),
        new SnapshotAttributeActions(),
        new ImageActions(),
        new TagActions(),
        new LaunchTemplateActions(),
        new VpcActions(),
        new NetworkInterfaceActions(),
    ];

    private readonly Dictionary<string, Ec2Action> _actions =
        Families.SelectMany(f => f.Actions).ToDictionary(a => a.Name, StringComparer.Ordinal);

    public string Name => "ec2";
    public string EventSource => "ec2.amazonaws.com";
    public AwsProtocol Protocol => AwsProtocol.Ec2;
    public string XmlNamespace => "http://ec2.amazonaws.com/doc/2016-11-15/";
    public bool IsGlobal => false;

    public IEnumerable<string> OperationNames => _actions.Keys;

    public AwsOperation Resolve(AwsRequest request)
    {
        var name = request.Param("Action") ?? throw new AwsError("MissingAction", "The request must contain the parameter Action");
        if (!_actions.TryGetValue(name, out var action)) throw AwsError.InvalidAction(name);
        return new AwsOperation(action.Name, "ec2:" + action.Name, action.ReadOnly);
    }

    public Task<AwsResponse> HandleAsync(AwsCall call, CancellationToken ct)
    {
        var action = _actions[call.Operation.Name];
        lock (call.State.Sync)
        {
            if (!call.State.Regions.IsEnabled(call.Region)) throw Ec2Errors.RegionNotEnabled();
            var context = new Ec2Context(call);
            call.RequestParameters ??= Ec2TrailElements.RequestParameters(call.Operation.Name, context.Params);
            if (context.Params.Bool("DryRun") == true)
                throw new AwsError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
            var elements = action.Handle(context).OfType<System.Xml.Linq.XElement>().ToList();
            if (!action.ReadOnly) call.ResponseElements ??= Ec2TrailElements.ResponseElements(call.RequestId, elements);
            return Task.FromResult<AwsResponse>(new XmlResult(elements));
        }
    }
}
