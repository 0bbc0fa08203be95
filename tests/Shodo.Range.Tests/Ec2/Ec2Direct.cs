using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Shodo.Range.Serving;
using Shodo.Range.Services.Ec2;
using Shodo.Range.State;

namespace Shodo.Range.Tests.Ec2;

/// <summary>
/// Calls the EC2 service's handlers in-process, as the dispatcher would after authentication,
/// with a simulated clock the test moves. Results come back as one XML element per response.
/// </summary>
public sealed class Ec2Direct
{
    public const string AccountId = "111122223333";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    public RangeState State { get; }
    public Ec2Service Service { get; } = new();
    public AwsCall? LastCall { get; private set; }

    public static readonly Caller Admin = new(Caller.IamUser, $"arn:aws:iam::{AccountId}:user/responder",
        "AIDAEXAMPLERESPONDER", AccountId, "AKIAEXAMPLERESPONDER", "responder");

    public Ec2Direct() => State = new RangeState(AccountId, new RangeClock(Time));

    public void Advance(TimeSpan by) => Time.Advance(by);

    public XElement Call(string action, string region = "us-east-1", params (string Key, string Value)[] parameters)
    {
        var all = new Dictionary<string, string> { ["Action"] = action, ["Version"] = "2016-11-15" };
        foreach (var (k, v) in parameters) all[k] = v;
        var request = new AwsRequest
        {
            Method = "POST", Path = "/", Query = new Dictionary<string, string>(), Headers = new HeaderDictionary(),
            Body = [], Service = "ec2", Region = region, Parameters = all,
        };
        var call = new AwsCall
        {
            Request = request, Operation = Service.Resolve(request), Caller = Admin, State = State,
            Now = State.Clock.Now, RequestId = Guid.NewGuid().ToString(),
        };
        LastCall = call;
        var result = (XmlResult)Service.HandleAsync(call, CancellationToken.None).GetAwaiter().GetResult();
        return new XElement(action + "Response", result.Elements);
    }

    public XElement Call(string action, params (string Key, string Value)[] parameters) => Call(action, "us-east-1", parameters);

    public AwsError Fails(string action, params (string Key, string Value)[] parameters) =>
        Assert.Throws<AwsError>(() => Call(action, parameters));

    public static IEnumerable<XElement> Items(XElement parent, string set) =>
        parent.Element(set)?.Elements("item") ?? [];

    public List<string> RunInstances(int count = 1, params (string, string)[] extra)
    {
        var response = Call("RunInstances",
            [("ImageId", "ami-0abcdef1234567890"), ("InstanceType", "t3.micro"), ("MinCount", "1"), ("MaxCount", count.ToString()), .. extra]);
        return Items(response, "instancesSet").Select(i => (string)i.Element("instanceId")!).ToList();
    }

    public string StateOf(string instanceId) =>
        (string)Call("DescribeInstances", ("InstanceId.1", instanceId))
            .Descendants("instanceState").Single().Element("name")!;
}
