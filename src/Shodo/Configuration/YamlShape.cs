using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Shodo.Configuration;

/// <summary>
/// What any configuration looks like before a section reads it: nesting a few levels deep (a deeper
/// file would overflow the stack of YAML's own reader), a bounded number of values once aliases are
/// expanded (a 24 KB file of <c>*alias</c> lists made the escalation reader build millions of
/// channels for minutes), and keys that are plain names (a list or a mapping as a key means nothing
/// here). Mistakes go to <c>error(line, problem)</c>.
/// </summary>
internal static class YamlShape
{
    /// <summary>The deepest nesting read; the deepest real configuration (escalation.levels[].targets[].channels[].to[]) needs 8.</summary>
    public const int MaxDepth = 32;

    /// <summary>Reads the events alone (no tree, no recursion) and stops at the first collection nested too deep.</summary>
    public static void CheckDepth(string yaml, Func<int, string, Exception> error)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart when ++depth > MaxDepth:
                    throw error((int)parser.Current.Start.Line, Localization.Messages.Get("ConfigTooDeep", MaxDepth));
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    /// <summary>The most values (scalars, lists, mappings) a configuration may hold, each alias counted as the copy it stands for.</summary>
    public const int MaxValues = 100_000;

    /// <summary>
    /// Every mapping key in the tree is a scalar (a name), and the tree, aliases expanded as a reader
    /// sees them, holds at most <see cref="MaxValues"/> values (the walk stops there, so a cycle ends too).
    /// </summary>
    public static void CheckTree(YamlNode root, Func<int, string, Exception> error)
    {
        var pending = new Stack<YamlNode>([root]);
        var values = 0;
        while (pending.TryPop(out var node))
        {
            if (++values > MaxValues) throw error((int)node.Start.Line, Localization.Messages.Get("ConfigTooManyValues", MaxValues));
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children)
                    {
                        if (key is not YamlScalarNode)
                            throw error((int)key.Start.Line, Localization.Messages.Get("ConfigKeyNotName"));
                        pending.Push(value);
                    }
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children) pending.Push(item);
                    break;
            }
        }
    }
}
