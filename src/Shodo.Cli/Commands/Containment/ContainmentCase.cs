using System.CommandLine;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Cli.Commands.CaseCommands;
using Shodo.Containment.Record;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli.Commands.Containment;

/// <summary>
/// What plan, approve, apply and rollback share: the CASE argument and --config, and opening the case
/// (its lock held), the AWS connection (refusals journaled) and the authority policy.
/// </summary>
internal sealed class ContainmentCase : IDisposable
{
    public static Argument<string> CaseArgument() => new("CASE") { Description = "The case folder, or a case id under --case-dir." };

    public static Option<string?> ConfigOption() => new("--config")
    {
        Description = "The configuration file (YAML) with the authority policy; default ./shodo.yaml, then the user's config folder.",
    };

    private ContainmentCase(Case @case, AwsConnection? aws, AuthorityPolicy authority)
    {
        Case = @case;
        Aws = aws;
        Authority = authority;
        Recorder = new ContainmentRecorder(@case, ContainmentLedger.Read(@case));
    }

    public Case Case { get; }
    public AwsConnection? Aws { get; }
    public AuthorityPolicy Authority { get; }
    public ContainmentRecorder Recorder { get; }

    public AwsConnection Connection => Aws ?? throw new InvalidOperationException("no AWS connection was opened");

    public static async Task<ContainmentCase> OpenAsync(CommandContext ctx, string caseName, string? configPath, bool connect,
        CancellationToken ct)
    {
        var authority = AuthorityPolicy.From(ConfigurationFile.Load(ctx, configPath, escalates: false));
        var folder = CaseFolderPath.Resolve(caseName, ctx.Settings);
        var @case = Case.Load(folder, ctx.CaseOptions);
        try
        {
            AwsConnection? aws = null;
            if (connect)
            {
                aws = await AwsConnection.OpenAsync(
                    WhoamiCommand.ConnectionOptions(ctx) with { RefusalSink = new JournalRefusalSink(@case.Journal) }, ct);
                var me = await aws.WhoAmIAsync(ct);
                @case.BindCaller(me.Account, me.Arn);
            }
            return new ContainmentCase(@case, aws, authority);
        }
        catch
        {
            @case.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Aws?.Dispose();
        Case.Dispose();
    }
}
