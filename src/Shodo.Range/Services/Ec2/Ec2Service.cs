using Shodo.Range.Serving;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// Amazon EC2 on the range (EC2 Query protocol, API version 2016-11-15), per region. A region the
/// account has not opted into answers every call with AuthFailure, as AWS does. Each operation is one
/// <see cref="Ec2Action"/> file, listed here.
/// </summary>
public sealed class Ec2Service : IAwsService
{
    private readonly Dictionary<string, Ec2Action> _actions = new Ec2Action[]
    {
        new DescribeInstances(),
        new DescribeInstanceStatus(),
        new CreateImage(),
        new DescribeImageAttribute(),
        new DescribeImages(),
        new ModifyImageAttribute(),
        new ModifyInstanceAttribute(),
        new DescribeInstanceAttribute(),
        new StopInstances(),
        new StartInstances(),
        new TerminateInstances(),
        new CreateKeyPair(),
        new ImportKeyPair(),
        new DescribeKeyPairs(),
        new DeleteKeyPair(),
        new CreateLaunchTemplate(),
        new DescribeLaunchTemplates(),
        new DescribeNetworkInterfaces(),
        new ModifyNetworkInterfaceAttribute(),
        new DescribeRegions(),
        new DescribeAvailabilityZones(),
        new RunInstances(),
        new CreateSecurityGroup(),
        new DescribeSecurityGroups(),
        new AuthorizeSecurityGroupIngress(),
        new AuthorizeSecurityGroupEgress(),
        new RevokeSecurityGroupIngress(),
        new RevokeSecurityGroupEgress(),
        new CreateSnapshot(),
        new CreateSnapshots(),
        new DescribeSnapshots(),
        new DescribeSnapshotAttribute(),
        new ModifySnapshotAttribute(),
        new RequestSpotInstances(),
        new DescribeSpotInstanceRequests(),
        new CancelSpotInstanceRequests(),
        new RequestSpotFleet(),
        new DescribeSpotFleetRequests(),
        new DescribeSpotFleetInstances(),
        new ModifySpotFleetRequest(),
        new CancelSpotFleetRequests(),
        new CreateFleet(),
        new DescribeFleets(),
        new DescribeFleetInstances(),
        new ModifyFleet(),
        new CreateTags(),
        new DeleteTags(),
        new DescribeTags(),
        new DescribeVolumes(),
        new DescribeVpcs(),
        new DescribeSubnets(),
    }.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public string Name => "ec2";
    public string EventSource => "ec2.amazonaws.com";
    public AwsProtocol Protocol => AwsProtocol.Ec2;
    public string XmlNamespace => "http://ec2.amazonaws.com/doc/2016-11-15/";
    public bool IsGlobal => false;

    public IEnumerable<string> OperationNames => _actions.Keys;
    public IReadOnlyCollection<Ec2Action> Actions => _actions.Values;

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
