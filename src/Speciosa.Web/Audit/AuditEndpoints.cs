using Speciosa.Web.Identity;

namespace Speciosa.Web.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/verify", async (AuditChainVerifier verifier, CancellationToken ct) =>
                TypedResults.Ok(await verifier.VerifyAsync(ct)))
            .RequireAuthorization(Policies.Admin)
            .WithTags("Audit")
            .Audited("audit.verify", "AuditLog")
            .WithSummary("Check the audit chain: intact, or the first edited, inserted or deleted entry.");
        return app;
    }
}
