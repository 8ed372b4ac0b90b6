namespace Speciosa.Web.Audit;

/// <summary>Per-request audit details a handler fills in when it knows them (which record, which
/// patient). The audit middleware writes one entry from it when the request ends.</summary>
public sealed class AuditScope
{
    public string? ResourceId { get; set; }
    public Guid? PatientId { get; set; }
    /// <summary>Overrides the endpoint's action when a handler does something more specific.</summary>
    public string? Action { get; set; }
    /// <summary>Set by a handler that wants to record its own outcome (e.g. a sign-in that failed).</summary>
    public string? Outcome { get; set; }
    /// <summary>The acting user when the request's principal does not know it yet (e.g. sign-in).</summary>
    public Guid? UserId { get; set; }
    public Guid? ClinicId { get; set; }
}

public static class AuditScopeExtensions
{
    /// <summary>The current request's audit scope (created by the audit middleware for audited endpoints).</summary>
    public static AuditScope Audit(this HttpContext context)
    {
        var scope = context.Features.Get<AuditScope>();
        if (scope is null)
        {
            scope = new AuditScope();
            context.Features.Set(scope);
        }

        return scope;
    }
}
