namespace Speciosa.Web.Audit;

/// <summary>Per-request audit details a handler fills in when it knows them (which record, which
/// patient). The audit middleware writes one entry from it when the request ends — unless the request's
/// first data write already committed the entry in its own transaction (see <see cref="AuditedWrites"/>).</summary>
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

    /// <summary>The patients a list request showed, in the order shown (each once); see <see cref="Showed"/>.</summary>
    public IReadOnlyList<Guid>? PatientsShown { get; private set; }

    /// <summary>A bulk read records whom it showed: every patient on the page the caller received.</summary>
    public void Showed(IEnumerable<Guid> patientIds) => PatientsShown = patientIds.Distinct().ToList();

    /// <summary>For a request whose outcome is decided only after its writes (sign-in, whose lockout counters
    /// are bookkeeping, not the record the entry describes): its entry is appended when the request ends.</summary>
    public void AppendWhenDone() => Build = null;

    /// <summary>Builds this request's entry for an outcome; set by the audit middleware on audited endpoints.</summary>
    internal Func<string, AuditRecord>? Build { get; set; }

    /// <summary>The entry staged into a data write's transaction, not yet known to be committed.</summary>
    internal AuditEntry? Staged { get; set; }

    /// <summary>True once the entry committed together with the data it describes.</summary>
    internal bool CommittedWithData { get; set; }
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
