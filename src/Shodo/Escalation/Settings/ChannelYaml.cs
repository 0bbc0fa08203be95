using Shodo.Configuration;
using YamlDotNet.RepresentationModel;

namespace Shodo.Escalation.Settings;

/// <summary>
/// Reads one mapping of the escalation section (a channel, the smtp block) with errors that name the
/// file and line. Secrets may be written as <c>key: ${ENV_NAME}</c> or <c>key_env: ENV_NAME</c>; any
/// string value may hold <c>${ENV_NAME}</c>. Every secret read is added to <see cref="Secrets"/>.
/// </summary>
public sealed class ChannelYaml
{
    private readonly ShodoConfiguration _config;
    private readonly Func<string, string?> _environment;

    /// <summary>Reads <paramref name="node"/> key by key: a key no reader asks for is reported as unknown (<see cref="ShodoConfiguration.UnknownKeys"/>).</summary>
    public ChannelYaml(ShodoConfiguration config, YamlMappingNode node, Func<string, string?> environment, SecretValues secrets)
    {
        _config = config;
        _environment = environment;
        Node = node;
        Secrets = secrets;
        config.Known(node);
    }

    public YamlMappingNode Node { get; }
    public SecretValues Secrets { get; }

    public Exception Error(string problem) => _config.Error(Node, problem);
    public Exception Error(YamlNode at, string problem) => _config.Error(at, problem);

    public string? Optional(string key)
    {
        if (Child(key) is not { } value) return null;
        if (value is not YamlScalarNode scalar) throw _config.Error(value, Text("EscalationConfigNotText", key));
        return Expand(scalar, scalar.Value ?? "", secret: false);
    }

    public string Required(string key) =>
        Optional(key) is { Length: > 0 } v ? v : throw Error(Text("EscalationConfigMissing", key));

    /// <summary>A secret: <c>key</c> (may be <c>${ENV}</c>) or <c>key_env</c> (the variable's name).</summary>
    public string? OptionalSecret(string key)
    {
        string? value = null;
        _config.Known(Node, key, key + "_env");
        if (Child(key + "_env") is { } envNode)
        {
            if (envNode is not YamlScalarNode { Value: { Length: > 0 } name }) throw _config.Error(envNode, Text("EscalationConfigNotText", key + "_env"));
            value = _environment(name);
            if (string.IsNullOrEmpty(value)) throw _config.Error(envNode, Text("EscalationConfigEnvMissing", name));
        }
        else if (Child(key) is { } node)
        {
            if (node is not YamlScalarNode scalar) throw _config.Error(node, Text("EscalationConfigNotText", key));
            value = Expand(scalar, scalar.Value ?? "", secret: true);
        }
        Secrets.Add(value);
        return value;
    }

    public string RequiredSecret(string key) =>
        OptionalSecret(key) is { Length: > 0 } v ? v : throw Error(Text("EscalationConfigMissing", $"{key} (or {key}_env)"));

    /// <summary>An http(s) endpoint held as a secret (a webhook URL carries its token in the path).</summary>
    public Uri RequiredUrl(string key)
    {
        var text = RequiredSecret(key);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw Error(Text("EscalationConfigBadUrl", key, Host(text)));
        return uri;
    }

    public YamlNode? Child(string key) => _config.Child(Node, key);

    private string Expand(YamlNode at, string value, bool secret)
    {
        var start = value.IndexOf("${", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = value.IndexOf('}', start);
            if (end < 0) break;
            var name = value[(start + 2)..end];
            var resolved = _environment(name);
            if (string.IsNullOrEmpty(resolved)) throw _config.Error(at, Text("EscalationConfigEnvMissing", name));
            if (secret) Secrets.Add(resolved);
            value = value[..start] + resolved + value[(end + 1)..];
            start = value.IndexOf("${", start + resolved.Length, StringComparison.Ordinal);
        }
        return value;
    }

    /// <summary>Only the host of a URL: never the path or query, which may carry a token.</summary>
    public static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : "(not a URL)";

    private static string Text(string key, params object?[] args) => Localization.Messages.Get(key, args);
}
