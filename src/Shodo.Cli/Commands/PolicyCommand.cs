using System.CommandLine;
using Shodo.Aws.Policy;

namespace Shodo.Cli.Commands;

/// <summary>
/// <c>shodo policy</c>: the least-privilege IAM policy a responder role needs to run Shodo — every
/// read action collection and investigation use, plus exactly the never-delete allowlist.
/// </summary>
public sealed class PolicyCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var command = new Command("policy",
            "Print the least-privilege IAM policy (JSON) a responder role needs to run Shodo: read access for " +
            "collection and investigation, plus only the non-destructive containment actions.\n\nExample:\n" +
            "  shodo policy > shodo-responder.json\n" +
            "  aws iam create-policy --policy-name ShodoResponder --policy-document file://shodo-responder.json");
        command.SetAction((parse, ct) => app.Run(parse, ct, ctx =>
        {
            ctx.Out.WriteLine(ResponderPolicy.Json());
            return Task.FromResult(Shodo.Diagnostics.ExitCode.Success);
        }));
        return command;
    }
}
