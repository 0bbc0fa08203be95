using System.Xml.Linq;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Protocols;
using Shodo.Aws.Safety;
using Shodo.Diagnostics;

namespace Shodo.Tests.Aws;

/// <summary>
/// The never-delete interlock refuses destructive calls from both kinds of client before anything
/// leaves the process, and records each refusal.
/// </summary>
public class InterlockTests
{
    // Destructive IAM operations, shaped as botocore models them. Shodo itself declares none; a
    // caller that builds one anyway must be stopped at the gate.
    private sealed record DeleteAccessKey(string UserName, string AccessKeyId) : QueryCall<NoContent>
    {
        public override AwsOperation Operation => AwsOperation.Of("iam", "DeleteAccessKey");
        public override void Write(QueryParameters p) => p.Add("UserName", UserName).Add("AccessKeyId", AccessKeyId);
        public override NoContent Read(XElement r) => default;
    }

    private sealed record DeleteUser(string UserName) : QueryCall<NoContent>
    {
        public override AwsOperation Operation => AwsOperation.Of("iam", "DeleteUser");
        public override void Write(QueryParameters p) => p.Add("UserName", UserName);
        public override NoContent Read(XElement r) => default;
    }

    private static Task<AwsTestServer> CountingServer() =>
        AwsTestServer.StartAsync(r => Reply.QueryResult(r.Action, ""));

    [Fact]
    public async Task Sdk_client_refuses_TerminateInstances_and_sends_nothing()
    {
        await using var server = await CountingServer();
        var refusals = new RecordedRefusals();
        using var aws = await TestConnections.OpenAsync(server.Url, refusals);

        var refused = await Assert.ThrowsAsync<RefusedCallException>(() =>
            aws.Ec2("ap-southeast-1").TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = ["i-0abc"] }));

        Assert.Equal(ExitCode.Refused, refused.Diagnostic.Code);
        Assert.Equal("ec2:TerminateInstances", refused.Operation.Key);
        Assert.Contains("ec2:TerminateInstances", refused.Diagnostic.Summary);
        Assert.Equal(0, server.Count);
        var record = Assert.Single(refusals.Calls);
        Assert.Equal(("ec2:TerminateInstances", "ap-southeast-1"), (record.Operation.Key, record.Region));
        Assert.Contains("Terminate", record.Reason);
    }

    [Fact]
    public async Task Hand_written_client_refuses_DeleteAccessKey_and_DeleteUser_and_sends_nothing()
    {
        await using var server = await CountingServer();
        var refusals = new RecordedRefusals();
        using var aws = await TestConnections.OpenAsync(server.Url, refusals);

        var key = await Assert.ThrowsAsync<RefusedCallException>(() =>
            aws.Iam().SendAsync(new DeleteAccessKey("mallory", TestConnections.AccessKeyId)));
        var user = await Assert.ThrowsAsync<RefusedCallException>(() => aws.Iam().SendAsync(new DeleteUser("mallory")));

        Assert.Equal(ExitCode.Refused, key.Diagnostic.Code);
        Assert.Equal(ExitCode.Refused, user.Diagnostic.Code);
        Assert.Equal(0, server.Count);
        Assert.Equal(["iam:DeleteAccessKey", "iam:DeleteUser"], refusals.Calls.Select(c => c.Operation.Key));
    }

    [Fact]
    public async Task Sdk_client_refuses_other_state_changes_that_are_not_allowlisted()
    {
        await using var server = await CountingServer();
        using var aws = await TestConnections.OpenAsync(server.Url);

        await Assert.ThrowsAsync<RefusedCallException>(() => aws.Ec2().RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = "sg-1" }));
        await Assert.ThrowsAsync<RefusedCallException>(() => aws.Ec2().RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-1", MinCount = 1, MaxCount = 1 }));
        await Assert.ThrowsAsync<RefusedCallException>(() => aws.S3().DeleteBucketAsync("evidence"));
        await Assert.ThrowsAsync<RefusedCallException>(() => aws.S3().DeleteBucketPolicyAsync("evidence"));
        await Assert.ThrowsAsync<RefusedCallException>(() => aws.S3().PutBucketAclAsync(new Amazon.S3.Model.PutBucketAclRequest { BucketName = "evidence" }));
        await Assert.ThrowsAsync<RefusedCallException>(() => aws.S3().DeletePublicAccessBlockAsync(new Amazon.S3.Model.DeletePublicAccessBlockRequest { BucketName = "evidence" }));

        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task Allowlisted_containment_passes_through_both_kinds_of_client()
    {
        await using var server = await AwsTestServer.StartAsync(r => r.Action switch
        {
            "StopInstances" => Reply.Xml("<StopInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId>" +
                                         "<instancesSet><item><instanceId>i-0abc</instanceId><currentState><code>64</code><name>stopping</name></currentState>" +
                                         "<previousState><code>16</code><name>running</name></previousState></item></instancesSet></StopInstancesResponse>"),
            _ => Reply.QueryResult(r.Action, ""),
        });
        using var aws = await TestConnections.OpenAsync(server.Url);

        await aws.Iam().SendAsync(new UpdateAccessKey(TestConnections.AccessKeyId, "Inactive", "dev"));
        var stopped = await aws.Ec2().StopInstancesAsync(new StopInstancesRequest { InstanceIds = ["i-0abc"] });

        Assert.Equal("stopping", stopped.StoppingInstances.Single().CurrentState.Name.Value);
        Assert.Equal(["UpdateAccessKey", "StopInstances"], server.Requests.Select(r => r.Action));
        Assert.Equal("Inactive", server.Requests.First().Field("Status"));
    }

    [Theory]
    [InlineData("DescribeInstances", true)]
    [InlineData("GetCallerIdentity", true)]
    [InlineData("ListUsers", true)]
    [InlineData("LookupEvents", true)]
    [InlineData("HeadBucket", true)]
    [InlineData("GenerateCredentialReport", true)]
    [InlineData("DeleteUser", false)]
    [InlineData("CreateUser", false)]
    [InlineData("Getaway", false)]
    [InlineData("Listen", false)]
    public void Read_only_is_decided_by_the_verb_in_the_operation_name(string operation, bool readOnly) =>
        Assert.Equal(readOnly, OperationVerbs.IsReadOnly(operation));

    [Fact]
    public void Gate_refuses_before_anything_else_and_tells_the_sink()
    {
        var refusals = new RecordedRefusals();
        var gate = new Interlock(refusals, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T03:00:00Z")));

        gate.Check(AwsOperation.Of("iam", "ListUsers"), "us-east-1");
        gate.Check(AwsOperation.Of("ec2", "StopInstances"), "eu-west-1");
        Assert.Throws<RefusedCallException>(() => gate.Check(AwsOperation.Of("iam", "CreateAccessKey"), "us-east-1"));

        var refusal = Assert.Single(refusals.Calls);
        Assert.Equal("iam:CreateAccessKey", refusal.Operation.Key);
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T03:00:00Z"), refusal.At);
    }
}
