using System.Text.Json.Nodes;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Iam.Calls;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Range;
using Shodo.Range.State;
using Shodo.Range.State.Iam;
using Shodo.Response;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response;

/// <summary>
/// A response in AWS China (issue 19, item 6): against a range standing for an aws-cn account, a leaked user whose inline
/// policies are full is denied with AWSDenyAll under its aws-cn ARN — the one that exists there — and nothing Shodo sends
/// names the commercial partition.
/// </summary>
public sealed class PartitionResponseTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly TempFolder _cases = new();
    private RangeCredentials _leaked = null!;

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Partition = RangePartitions.China });
        lock (_range.State.Sync)
        {
            var state = _range.State;
            var user = state.AddUser("dev-li");
            user.AttachedPolicyArns.Add(state.Managed(AwsManagedPolicies.AdministratorAccessArn));
            // An attacker filled the user's inline policies to IAM's 2,048 characters: Shodo's own deny does not fit.
            const string template = """{"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
            user.InlinePolicies["filler"] = template.Replace("\"S\"", "\"" + new string('F', 2048 - template.Length + 1) + "\"", StringComparison.Ordinal);
            var key = state.AddAccessKey("dev-li");
            _leaked = new RangeCredentials(key.AccessKeyId, key.SecretAccessKey);
        }
        using var attacker = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_leaked.AccessKeyId, _leaked.SecretAccessKey), Region = "cn-north-1", EndpointUrl = _range.Url,
        });
        await attacker.Iam().ListAllAsync(new ListUsers());
    }

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    [Fact]
    public async Task A_response_in_aws_cn_denies_with_the_aws_cn_AWSDenyAll_and_names_no_commercial_arn()
    {
        var options = RangeResponseOptions.For(_range, _cases.Path, new ResponseRequest { AccessKeyId = _leaked.AccessKeyId, ApplyWithinAuthority = true });
        options = options with { Connection = options.Connection with { Region = "cn-north-1" } };
        var result = await FirstResponse.RunAsync(options, TimeProvider.System, new RecordingProgress(), CancellationToken.None);

        const string denyAll = "arn:aws-cn:iam::aws:policy/AWSDenyAll";
        lock (_range.State.Sync)
        {
            Assert.Contains(denyAll, _range.State.Iam.User("dev-li")!.AttachedPolicyArns);
            Assert.Equal("Inactive", _range.State.Iam.AccessKeys[_leaked.AccessKeyId].Status);
            var responder = _range.State.Calls.Where(c => c.Caller?.UserName == RangeHost.ResponderUserName).ToList();
            Assert.NotEmpty(responder);
            Assert.DoesNotContain(responder, c => c.RequestParameters?.ToJsonString().Contains("arn:aws:", StringComparison.Ordinal) == true);
        }
        var journal = JournalReader.Read(result.Folder);
        Assert.Contains(journal, e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["operation"] == "iam:AttachUserPolicy"
            && (string?)e.Data["request"]?["policyArn"] == denyAll);
        Assert.Contains(journal, e => e.Kind == ContainmentJournalKinds.Outcome && (string?)e.Data["outcome"] == Outcomes.Done
            && (string?)e.Data["actionId"] == "attach-deny-policy/iam-user:global:dev-li");
    }
}
