using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Drill;
using Shodo.Drill.Rehearsal;
using Shodo.Investigation.Model;
using Shodo.Investigation.Suspicion;
using Shodo.Range;
using Shodo.Range.State.Ec2;
using Shodo.Response;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response;

/// <summary>
/// <c>leaked-key-blind</c> on the range, in-process, with an AMI made in the window and shared with an outside account and
/// with everyone: seen from the recorded state alone (no event read), suspected as created after the exposure began, and —
/// with contain-suspected and close-data-door granted — closed with the existing image door (ModifyImageAttribute removing
/// every launch permission); the report's exposures name it, not attributed. The story's own AMI (the web server's, shared
/// with the outside account) is suspected and closed beside it.
/// </summary>
public sealed class BlindImageDoorTests : IAsyncLifetime
{
    private const string Region = "ap-northeast-1", ImageId = "ami-0b1a2c3d4e5f60718", Outside = "444455556666";
    private RangeHost _range = null!;
    private readonly TempFolder _cases = new();

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-blind" });
        lock (_range.State.Sync)
        {
            var now = _range.State.Clock.Now;
            var image = new Image
            {
                ImageId = ImageId, Name = "exfil-copy", OwnerId = _range.State.AccountId, CreationDate = now.AddMinutes(-10), AvailableAt = now.AddMinutes(-5),
            };
            image.LaunchPermissions.AddRange([Outside, "all"]);
            _range.State.Ec2(Region).Images.Add(image);
        }
    }

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    private IReadOnlyList<string> Permissions()
    {
        lock (_range.State.Sync) return [.. _range.State.Ec2(Region).Images.Single(i => i.ImageId == ImageId).LaunchPermissions];
    }

    [Fact]
    public async Task Granted_contain_suspected_and_close_data_door_the_image_shared_in_the_window_is_closed_with_the_image_door()
    {
        await using var receiver = RehearsalReceiver.Start();

        var result = await FirstResponse.RunAsync(new FirstResponseOptions
        {
            Connection = new AwsConnectionOptions
            {
                Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
                Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
            },
            Request = new ResponseRequest { AccessKeyId = _range.GroundTruth!.LeakedAccessKeyId!, ApplyWithinAuthority = true },
            Configuration = DrillEscalation.Configuration(receiver, "en", "leaked-key-blind"),
            CasesDirectory = _cases.Path, CaseOptions = new CaseOptions(), EnvironmentVariable = _ => null, AcknowledgementGrace = TimeSpan.Zero,
        }, TimeProvider.System, new RecordingProgress(), CancellationToken.None);
        var folder = result.Folder;

        // Beside the story's own image (the web server's, shared with the outside account), suspected and closed the same way.
        var story = Assert.Single(_range.GroundTruth!.SharedImages);
        var images = SuspectedFile.Read(folder).Where(s => s.Kind == ResourceTypes.SharedImage).ToList();
        Assert.Equal(new[] { ImageId, story.ImageId }.Order(StringComparer.Ordinal), images.Select(s => s.Id).Order(StringComparer.Ordinal));
        var suspected = Assert.Single(images, s => s.Id == ImageId);
        Assert.Equal((ImageId, Region), (suspected.Id, suspected.Region));
        Assert.Empty(Permissions());
        lock (_range.State.Sync) Assert.Empty(_range.State.Ec2(story.Region).Images.Single(i => i.ImageId == story.ImageId).LaunchPermissions);
        Assert.Contains(JournalReader.Read(folder), e => e.Kind == "containment.changed"
            && (string?)e.Data["operation"] == "ec2:ModifyImageAttribute" && e.Data.ToJsonString().Contains(ImageId, StringComparison.Ordinal));
        var impact = InvestigationFiles.ReadImpact(folder)!;
        var door = Assert.Single(impact.DataExposure, e => e.Kind == "ami" && e.Name == ImageId);
        Assert.Equal([Outside, "all"], door.SharedWith);
    }
}
