using System.Globalization;
using Shodo.Configuration;
using Shodo.Escalation.Channels;
using Shodo.Localization;
using YamlDotNet.RepresentationModel;

namespace Shodo.Escalation.Settings;

/// <summary>
/// Reads the <c>escalation:</c> section (documented in docs/escalation.md; example in
/// shodo.example.yaml). Every mistake names the file and line. <paramref name="environment"/> resolves
/// <c>${ENV}</c> and <c>*_env</c> keys (the CLI passes the process environment).
/// </summary>
public static class EscalationConfigReader
{
    public const string Section = "escalation";

    public static EscalationSettings Read(ShodoConfiguration config, Func<string, string?> environment)
    {
        if (config.Section(Section) is not { } section) return EscalationSettings.None;
        if (section is not YamlMappingNode map) throw config.Error(section, Messages.Get("EscalationConfigNotMapping", Section));
        var secrets = new SecretValues();
        var top = new ChannelYaml(config, map, environment, secrets);
        var smtp = top.Child("smtp") is { } smtpNode ? ReadSmtp(config, smtpNode, environment, secrets) : null;
        if (top.Child("levels") is not YamlSequenceNode levelNodes || levelNodes.Children.Count == 0)
            throw config.Error(top.Child("levels") ?? map, Messages.Get("EscalationConfigNoLevels"));
        var levels = new List<EscalationLevel>();
        var context = new ChannelReadContext(smtp);
        foreach (var node in levelNodes.Children)
        {
            var level = ReadLevel(config, node, levels.Count + 1, environment, secrets, context);
            if (levels.Count > 0 && level.After < levels[^1].After)
                throw config.Error(node, Messages.Get("EscalationConfigLevelOrder", level.Name, levels[^1].Name));
            levels.Add(level);
        }
        return new EscalationSettings(levels, top.Optional("decided_by"), secrets);
    }

    private static EscalationLevel ReadLevel(ShodoConfiguration config, YamlNode node, int number,
        Func<string, string?> environment, SecretValues secrets, ChannelReadContext context)
    {
        if (node is not YamlMappingNode map) throw config.Error(node, Messages.Get("EscalationConfigNotMapping", "levels[]"));
        var yaml = new ChannelYaml(config, map, environment, secrets);
        var name = yaml.Optional("name") ?? number.ToString(CultureInfo.InvariantCulture);
        var after = Duration(yaml, "after", number == 1 ? TimeSpan.Zero : null);
        var repeat = Duration(yaml, "repeat", null);
        if (repeat < TimeSpan.FromSeconds(1)) throw yaml.Error(Messages.Get("EscalationConfigRepeatTooShort", name));
        if (yaml.Child("targets") is not YamlSequenceNode targetNodes || targetNodes.Children.Count == 0)
            throw yaml.Error(Messages.Get("EscalationConfigNoTargets", name));
        var targets = targetNodes.Children.Select(t => ReadTarget(config, t, environment, secrets, context)).ToList();
        return new EscalationLevel(number, name, after, repeat, targets);
    }

    private static EscalationTarget ReadTarget(ShodoConfiguration config, YamlNode node,
        Func<string, string?> environment, SecretValues secrets, ChannelReadContext context)
    {
        if (node is not YamlMappingNode map) throw config.Error(node, Messages.Get("EscalationConfigNotMapping", "targets[]"));
        var yaml = new ChannelYaml(config, map, environment, secrets);
        var name = yaml.Required("name");
        var language = yaml.Optional("language") ?? TargetLanguage.English;
        if (!TargetLanguage.IsKnown(language)) throw yaml.Error(yaml.Child("language")!, Messages.Get("EscalationConfigBadLanguage", language));
        if (yaml.Child("channels") is not YamlSequenceNode channelNodes || channelNodes.Children.Count == 0)
            throw yaml.Error(Messages.Get("EscalationConfigNoChannels", name));
        var channels = new List<IChannelSettings>();
        foreach (var channelNode in channelNodes.Children)
        {
            if (channelNode is not YamlMappingNode channelMap) throw config.Error(channelNode, Messages.Get("EscalationConfigNotMapping", "channels[]"));
            var channel = new ChannelYaml(config, channelMap, environment, secrets);
            var kind = channel.Required("kind");
            if (!ChannelKinds.Readers.TryGetValue(kind, out var read))
                throw channel.Error(channel.Child("kind")!, Messages.Get("EscalationConfigUnknownChannel", kind, string.Join(", ", ChannelKinds.Readers.Keys)));
            channels.Add(read(channel, context));
        }
        return new EscalationTarget(name, language, channels);
    }

    private static SmtpSettings ReadSmtp(ShodoConfiguration config, YamlNode node, Func<string, string?> environment, SecretValues secrets)
    {
        if (node is not YamlMappingNode map) throw config.Error(node, Messages.Get("EscalationConfigNotMapping", "smtp"));
        var yaml = new ChannelYaml(config, map, environment, secrets);
        var security = (yaml.Optional("security") ?? "starttls") switch
        {
            "starttls" => SmtpSecurity.StartTls,
            "tls" => SmtpSecurity.Tls,
            "none" => SmtpSecurity.None,
            var other => throw yaml.Error(yaml.Child("security")!, Messages.Get("EscalationConfigBadSecurity", other)),
        };
        var portText = yaml.Optional("port");
        var port = security == SmtpSecurity.Tls ? 465 : 587;
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
            throw yaml.Error(yaml.Child("port")!, Messages.Get("EscalationConfigBadPort", portText));
        var username = yaml.Optional("username");
        var password = yaml.OptionalSecret("password");
        if ((username is null) != (password is null)) throw yaml.Error(Messages.Get("EscalationConfigSmtpAuth"));
        var pin = yaml.Optional("certificate_sha256")?.Replace(":", "", StringComparison.Ordinal).ToLowerInvariant();
        return new SmtpSettings(yaml.Required("host"), port, security, username, password, yaml.Required("from"), pin);
    }

    private static TimeSpan Duration(ChannelYaml yaml, string key, TimeSpan? fallback)
    {
        var text = yaml.Optional(key);
        if (text is null) return fallback ?? throw yaml.Error(Messages.Get("EscalationConfigMissing", key));
        if (!DurationText.TryParse(text, out var value))
            throw yaml.Error(yaml.Child(key)!, Messages.Get("EscalationConfigBadDuration", key, text));
        return value <= DurationText.Max
            ? value
            : throw yaml.Error(yaml.Child(key)!, Messages.Get("EscalationConfigDurationTooLong", key, text, DurationText.Format(DurationText.Max)));
    }
}

/// <summary>What channel readers may need beyond their own mapping (the shared smtp block).</summary>
public sealed record ChannelReadContext(SmtpSettings? Smtp);
