using Shodo.Cases.Redaction;

namespace Shodo.Cases;

/// <summary>How a case is opened or loaded for writing.</summary>
public sealed record CaseOptions
{
    /// <summary>A short human title, e.g. "Leaked key AKIA... on GitHub".</summary>
    public string? Title { get; init; }

    /// <summary>The AWS account the case is about, when known.</summary>
    public string? AccountId { get; init; }

    /// <summary>The responder's AWS caller identity ARN (sts:GetCallerIdentity), when known.</summary>
    public string? CallerArn { get; init; }

    public string LocalUser { get; init; } = Environment.UserName;
    public string Host { get; init; } = Environment.MachineName;
    public TimeProvider Time { get; init; } = TimeProvider.System;
    public Redactor Redactor { get; init; } = Redactor.Default;
    public string ShodoVersion { get; init; } = CaseManifest.CurrentShodoVersion;

    /// <summary>The journal key (<see cref="Cases.JournalKey"/>): when set, every new entry carries its MAC.</summary>
    public JournalKey? JournalKey { get; init; }

    internal Actor Actor => new(LocalUser, Host, CallerArn);
}
