using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Kms;

/// <summary>
/// A key's state through the real AWS CLI, as KMS moves it: DisableKey and EnableKey, ScheduleKeyDeletion with its waiting
/// period (7–30 days) and CancelKeyDeletion (back to Disabled); a key pending deletion refuses use and state changes with
/// KMSInvalidStateException.
/// </summary>
public sealed class KmsKeyStateCliTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private const string Region = "sa-east-1";
    private AwsCli Cli => fixture.Cli.InRegion(Region);

    private async Task<System.Text.Json.JsonElement> DescribeAsync(string arn) =>
        (await Cli.OkAsync("kms", "describe-key", "--key-id", arn)).GetProperty("KeyMetadata");

    [Fact]
    public async Task A_key_is_disabled_enabled_scheduled_for_deletion_and_cancelled_as_KMS_moves_its_state()
    {
        var arn = (await Cli.OkAsync("kms", "create-key", "--description", fixture.Unique("state"))).GetProperty("KeyMetadata").Str("Arn");
        await Cli.OkAsync("kms", "disable-key", "--key-id", arn);
        var disabled = await DescribeAsync(arn);
        Assert.Equal(("Disabled", false), (disabled.Str("KeyState"), disabled.GetProperty("Enabled").GetBoolean()));
        await Cli.FailsWithAsync("DisabledException", "kms", "create-grant", "--key-id", arn,
            "--grantee-principal", "arn:aws:iam::999988887777:root", "--operations", "Decrypt");
        await Cli.OkAsync("kms", "enable-key", "--key-id", arn);
        Assert.Equal("Enabled", (await DescribeAsync(arn)).Str("KeyState"));

        await Cli.FailsWithAsync("ValidationException", "kms", "schedule-key-deletion", "--key-id", arn, "--pending-window-in-days", "5");
        var scheduled = await Cli.OkAsync("kms", "schedule-key-deletion", "--key-id", arn, "--pending-window-in-days", "7");
        Assert.Equal((arn, "PendingDeletion", 7), (scheduled.Str("KeyId"), scheduled.Str("KeyState"), scheduled.GetProperty("PendingWindowInDays").GetInt32()));
        var due = fixture.Range.State.Clock.Now.AddDays(7);
        var pending = await DescribeAsync(arn);
        Assert.Equal("PendingDeletion", pending.Str("KeyState"));
        Assert.Equal(7, pending.GetProperty("PendingDeletionWindowInDays").GetInt32());
        Assert.InRange(DateTimeOffset.Parse(pending.Str("DeletionDate"), System.Globalization.CultureInfo.InvariantCulture),
            due.AddMinutes(-5), due.AddMinutes(5));
        var refused = await Cli.FailsWithAsync("KMSInvalidStateException", "kms", "enable-key", "--key-id", arn);
        Assert.Equal($"{arn} is pending deletion.", refused.ErrorMessage);
        await Cli.FailsWithAsync("KMSInvalidStateException", "kms", "schedule-key-deletion", "--key-id", arn);
        await Cli.FailsWithAsync("KMSInvalidStateException", "kms", "list-grants", "--key-id", arn);

        Assert.Equal(arn, (await Cli.OkAsync("kms", "cancel-key-deletion", "--key-id", arn)).Str("KeyId"));
        var cancelled = await DescribeAsync(arn);
        Assert.Equal("Disabled", cancelled.Str("KeyState"));
        Assert.False(cancelled.TryGetProperty("DeletionDate", out _));
        await Cli.FailsWithAsync("KMSInvalidStateException", "kms", "cancel-key-deletion", "--key-id", arn);
        await Cli.OkAsync("kms", "enable-key", "--key-id", arn);
        Assert.Equal("Enabled", (await DescribeAsync(arn)).Str("KeyState"));
    }
}
