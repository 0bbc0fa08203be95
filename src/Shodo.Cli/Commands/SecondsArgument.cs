using System.CommandLine;
using System.Globalization;
using Shodo.Localization;

namespace Shodo.Cli.Commands;

/// <summary>An interval in seconds on the command line (<c>--adversary-interval</c>): refused, as a usage error, outside its bounds.</summary>
internal static class SecondsArgument
{
    public static Option<double> Between(this Option<double> option, double min, double max, string message)
    {
        option.Validators.Add(r =>
        {
            var value = r.GetValue(option);
            if (!(value >= min && value <= max)) // NaN too
                r.AddError(Messages.Get(message, value.ToString(CultureInfo.InvariantCulture),
                    min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)));
        });
        return option;
    }
}
