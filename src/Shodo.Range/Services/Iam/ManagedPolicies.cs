using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;
using static Shodo.Range.Services.Iam.IamShapes;

namespace Shodo.Range.Services.Iam;

public sealed class CreatePolicy : IamAction
{
    public override string Name => "CreatePolicy";

    public override string Resource(AwsRequest r) =>
        r.Param("PolicyName") is { } name ? $"arn:{r.Partition}:iam::{r.AccountId}:policy{r.Param("Path") ?? "/"}{name}" : "*";

    public override AwsResponse Handle(AwsCall call)
    {
        var name = call.Request.RequiredParam("PolicyName");
        var document = RequirePolicyDocument(call, "PolicyDocument");
        var path = call.Request.Param("Path") ?? "/";
        var arn = call.State.IamArn("policy", path, name);
        if (Iam(call).Policy(arn) is not null) throw IamErrors.AlreadyExists($"A policy called {name} already exists. Duplicate names are not allowed.");
        var policy = new ManagedPolicy
        {
            PolicyName = name, PolicyId = IamIds.PolicyId(), Arn = arn, Path = path,
            Description = call.Request.Param("Description"), CreateDate = call.Now, UpdateDate = call.Now,
            Versions = [new PolicyVersion("v1", document, call.Now)],
        };
        Iam(call).Policies[arn] = policy;
        return new XmlResult(new XElement("Policy", IamShapes.Policy(policy, 0)));
    }
}

public sealed class GetPolicy : IamAction
{
    public override string Name => "GetPolicy";
    public override string Resource(AwsRequest r) => r.Param("PolicyArn") ?? "*";

    public override AwsResponse Handle(AwsCall call)
    {
        var arn = call.Request.RequiredParam("PolicyArn");
        var policy = Iam(call).Policy(arn) ?? throw AwsError.NoSuchEntity($"Policy {arn} was not found.");
        return new XmlResult(new XElement("Policy", IamShapes.Policy(policy, Iam(call).AttachmentCount(arn))));
    }
}

public sealed class GetPolicyVersion : IamAction
{
    public override string Name => "GetPolicyVersion";
    public override string Resource(AwsRequest r) => r.Param("PolicyArn") ?? "*";

    public override AwsResponse Handle(AwsCall call)
    {
        var arn = call.Request.RequiredParam("PolicyArn");
        var versionId = call.Request.RequiredParam("VersionId");
        var policy = Iam(call).Policy(arn) ?? throw AwsError.NoSuchEntity($"Policy {arn} was not found.");
        var version = policy.Versions.FirstOrDefault(v => v.VersionId == versionId)
            ?? throw AwsError.NoSuchEntity($"Policy {arn} version {versionId} does not exist or is not attachable.");
        return new XmlResult(new XElement("PolicyVersion", PolicyVersion(version, version.VersionId == policy.DefaultVersionId)));
    }
}

/// <summary>Scope All|AWS|Local, OnlyAttached, PathPrefix; AWS lists names in order.</summary>
public sealed class ListPolicies : IamAction
{
    public override string Name => "ListPolicies";

    public override AwsResponse Handle(AwsCall call)
    {
        var iam = Iam(call);
        var scope = call.Request.Param("Scope") ?? "All";
        var onlyAttached = BoolParam(call.Request, "OnlyAttached");
        var prefix = call.Request.Param("PathPrefix") ?? "/";
        var policies = iam.Policies.Values
            .Where(p => scope == "All" || scope == "AWS" && p.IsAwsManaged || scope == "Local" && !p.IsAwsManaged)
            .Where(p => p.Path.StartsWith(prefix, StringComparison.Ordinal))
            .Where(p => !onlyAttached || iam.AttachmentCount(p.Arn) > 0)
            .OrderBy(p => p.PolicyName, StringComparer.Ordinal);
        var (page, paging) = Page(call.Request, policies);
        return new XmlResult([new XElement("Policies", page.Select(p => Member(IamShapes.Policy(p, iam.AttachmentCount(p.Arn))))),
            .. paging.OfType<XElement>()]);
    }
}
