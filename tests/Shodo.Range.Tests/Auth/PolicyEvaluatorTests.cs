using Shodo.Range.Auth.Policies;

namespace Shodo.Range.Tests.Auth;

/// <summary>IAM's evaluation logic on documents, without a server: the rules containment relies on.</summary>
public sealed class PolicyEvaluatorTests
{
    private static PolicyDecision Decide(string action, string resource, params string[] statements) =>
        Decide(new RequestContext(action, resource), statements);

    private static PolicyDecision Decide(RequestContext context, params string[] statements) =>
        PolicyEvaluator.Evaluate(statements.Select(s => PolicyDocument.Parse($$"""{"Version":"2012-10-17","Statement":[{{s}}]}""")), context);

    [Theory]
    [InlineData("*", "ec2:RunInstances", PolicyDecision.Allow)]
    [InlineData("iam:*", "iam:CreateUser", PolicyDecision.Allow)]
    [InlineData("iam:*", "ec2:RunInstances", PolicyDecision.ImplicitDeny)]
    [InlineData("ec2:Run*", "ec2:RunInstances", PolicyDecision.Allow)]
    [InlineData("ec2:Run*", "ec2:StartInstances", PolicyDecision.ImplicitDeny)]
    [InlineData("EC2:runinstances", "ec2:RunInstances", PolicyDecision.Allow)]
    [InlineData("ec2:Describe?nstances", "ec2:DescribeInstances", PolicyDecision.Allow)]
    public void Actions_match_with_wildcards_and_without_case(string pattern, string action, PolicyDecision expected) =>
        Assert.Equal(expected, Decide(action, "*", $$"""{"Effect":"Allow","Action":"{{pattern}}","Resource":"*"}"""));

    [Fact]
    public void Explicit_deny_wins_over_any_allow()
    {
        Assert.Equal(PolicyDecision.ExplicitDeny, Decide("iam:CreateUser", "*",
            """{"Effect":"Allow","Action":"*","Resource":"*"}""",
            """{"Effect":"Deny","Action":"iam:Create*","Resource":"*"}"""));
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide("iam:CreateUser", "*"));
    }

    [Fact]
    public void NotAction_and_NotResource()
    {
        const string denyAllButSts = """{"Effect":"Deny","NotAction":["sts:*","iam:Get*"],"Resource":"*"}""";
        Assert.Equal(PolicyDecision.ExplicitDeny, Decide("ec2:RunInstances", "*", denyAllButSts));
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide("sts:GetSessionToken", "*", denyAllButSts));
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide("iam:GetUser", "*", denyAllButSts));

        const string allowNotAdmin = """{"Effect":"Allow","Action":"iam:*","NotResource":"arn:aws:iam::*:user/admin*"}""";
        Assert.Equal(PolicyDecision.Allow, Decide("iam:DeleteUser", "arn:aws:iam::111122223333:user/bob", allowNotAdmin));
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide("iam:DeleteUser", "arn:aws:iam::111122223333:user/admin-1", allowNotAdmin));
        Assert.Equal(PolicyDecision.Allow, Decide("s3:GetObject", "arn:aws:s3:::b/k",
            """{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::a/*","arn:aws:s3:::b/*"]}"""));
    }

    [Fact]
    public void Token_issue_time_conditions_apply_only_when_the_key_is_present()
    {
        const string revoke = """
            {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"2026-11-28T12:00:00Z"}}}
            """;
        const string revokeIfExists = """
            {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"DateLessThanIfExists":{"aws:TokenIssueTime":"2026-11-28T12:00:00Z"}}}
            """;
        var oldSession = new RequestContext("ec2:RunInstances", "*").With("aws:TokenIssueTime", "2026-11-28T11:59:59Z");
        var newSession = new RequestContext("ec2:RunInstances", "*").With("aws:TokenIssueTime", "2026-11-28T12:00:01Z");
        var longTermKey = new RequestContext("ec2:RunInstances", "*");

        Assert.Equal(PolicyDecision.ExplicitDeny, Decide(oldSession, revoke));
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide(newSession, revoke));
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide(longTermKey, revoke));
        Assert.Equal(PolicyDecision.ExplicitDeny, Decide(longTermKey, revokeIfExists));
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide(newSession, revokeIfExists));
    }

    [Fact]
    public void Current_time_and_string_conditions()
    {
        var context = new RequestContext("iam:ListUsers", "*")
            .With("aws:CurrentTime", "2026-11-28T12:00:00Z").With("aws:username", "dev-alice");
        Assert.Equal(PolicyDecision.Allow, Decide(context,
            """{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}}"""));
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide(context,
            """{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2027-01-01T00:00:00Z"}}}"""));
        Assert.Equal(PolicyDecision.Allow, Decide(context,
            """{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringLike":{"aws:username":"dev-*"}}}"""));
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide(context,
            """{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:username":["bob","carol"]}}}"""));
        Assert.Equal(PolicyDecision.Allow, Decide(context,
            """{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalTag/team":"x"}}}"""));
        Assert.Equal(PolicyDecision.Allow, Decide(context,
            """{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"1893456000"}}}"""));
    }

    [Fact]
    public void Malformed_documents_are_refused()
    {
        Assert.Throws<MalformedPolicyException>(() => PolicyDocument.Parse("{not json"));
        Assert.Throws<MalformedPolicyException>(() => PolicyDocument.Parse("""{"Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}"""));
        Assert.Throws<MalformedPolicyException>(() => PolicyDocument.Parse("""{"Statement":[{"Effect":"Allow","Resource":"*"}]}"""));
    }
}
