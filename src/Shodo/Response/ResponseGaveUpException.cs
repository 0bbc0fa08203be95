using Shodo.Aws.Errors;

namespace Shodo.Response;

/// <summary>
/// AWS kept throttling or could not be reached after every retry: the runner journaled the give-up and the
/// response can go on with <c>--resume</c> on <see cref="CaseId"/>.
/// </summary>
public sealed class ResponseGaveUpException(string caseId, AwsServiceError inner)
    : Exception($"gave up on {inner.Service}:{inner.Operation} ({inner.Code})", inner)
{
    public string CaseId { get; } = caseId;
    public AwsServiceError Error { get; } = inner;
}
