using System.CommandLine;
using Shodo.Aws.Iam;
using Shodo.Cli.Output;
using Shodo.Localization;

namespace Shodo.Cli.Commands;

/// <summary><c>--access-key-id</c>: refused at once, as a usage error, unless it is shaped like an access key id (AKIA/ASIA + 16 of A–Z, 2–7).</summary>
internal static class AccessKeyArgument
{
    public static Option<string?> Validated(this Option<string?> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValue(option) is { } key && !AccessKeyIdFormat.IsWellFormed(key))
                r.AddError(Messages.Get("BadAccessKeyId", Terminal.Echo(key)));
        });
        return option;
    }
}
