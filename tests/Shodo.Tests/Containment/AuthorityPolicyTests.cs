using Shodo.Configuration;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Diagnostics;

namespace Shodo.Tests.Containment;

/// <summary>The authority: section of the configuration file.</summary>
public sealed class AuthorityPolicyTests
{
    [Fact]
    public void An_organisation_can_narrow_what_a_responder_does_alone_and_name_its_approvers()
    {
        var config = ShodoConfiguration.Parse("shodo.yaml", """
            authority:
              responder: [deactivate-access-keys]
              approvers: [ciso, cto]
            """);
        var policy = AuthorityPolicy.From(config);
        Assert.Equal(AuthorityLevel.Responder, policy.For("deactivate-access-keys", "iam-user"));
        Assert.Equal(AuthorityLevel.Approver, policy.For("stop-instance", "ec2-instance"));
        Assert.Equal(AuthorityLevel.Approver, policy.For("snapshot-volumes", "ec2-instance"));
        Assert.True(policy.MayApprove("CISO"));
        Assert.False(policy.MayApprove("intern"));
    }

    [Fact]
    public void A_mistake_names_the_file_and_line_and_exits_with_usage()
    {
        var config = ShodoConfiguration.Parse("shodo.yaml", "escalation: {}\nauthority:\n  responder: [delete-everything]\n");
        var e = Assert.Throws<ShodoException>(() => AuthorityPolicy.From(config));
        Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
        Assert.Contains("shodo.yaml:3", e.Diagnostic.Summary);
        Assert.Contains("delete-everything", e.Diagnostic.Summary);
    }

    [Fact]
    public void Without_a_section_the_default_applies()
    {
        Assert.Same(AuthorityPolicy.Default, AuthorityPolicy.From(ShodoConfiguration.Parse(null, "escalation: {}\n")));
    }
}
