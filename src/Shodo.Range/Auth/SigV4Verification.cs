namespace Shodo.Range.Auth;

/// <summary>
/// What the server computes to check a request's signature: the canonical request, the string to
/// sign and the signature. The payload hash is X-Amz-Content-Sha256 when the client sent it (S3 sends
/// UNSIGNED-PAYLOAD or the hash), UNSIGNED-PAYLOAD for presigned S3 URLs, else the body's SHA-256.
/// </summary>
public sealed record SigV4Verification(string CanonicalRequest, string StringToSign, string Signature)
{
    /// <param name="s3Style">Override of S3's path rules (no normalisation, single encoding); default: service is s3.</param>
    /// <param name="tokenAddedAfterSigning">Presigned URLs of some clients add X-Amz-Security-Token after
    /// signing; then it is not part of the canonical query.</param>
    public static SigV4Verification Compute(SignatureInfo signature, SignedRequest request, string secret,
        bool? s3Style = null, bool tokenAddedAfterSigning = false)
    {
        var s3 = s3Style ?? signature.Service == "s3";
        var payloadHash = signature.Presigned
            ? (signature.Service == "s3" ? SigV4.UnsignedPayload : SigV4.PayloadHash(request.Body))
            : request.Header("x-amz-content-sha256") is { Length: > 0 } declared ? declared : SigV4.PayloadHash(request.Body);
        var query = tokenAddedAfterSigning
            ? string.Join('&', request.RawQuery.Split('&').Where(p => !p.StartsWith("X-Amz-Security-Token=", StringComparison.Ordinal)))
            : request.RawQuery;
        var canonical = SigV4.CanonicalRequest(request.Method, request.RawPath, query, request.Headers,
            signature.SignedHeaders, payloadHash, s3, signature.Presigned);
        var stringToSign = SigV4.StringToSign(signature.AmzDate, signature.Scope, canonical);
        return new SigV4Verification(canonical, stringToSign,
            SigV4.Signature(secret, signature.ScopeDate, signature.Region, signature.Service, stringToSign));
    }
}
