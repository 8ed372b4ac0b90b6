namespace Speciosa.Web.Audit;

/// <summary>What a caller asks the audit trail to append. Ids and categories only.</summary>
public sealed record AuditRecord(
    string Action,
    string ResourceType,
    string Outcome,
    string CorrelationId,
    Guid? UserId = null,
    Guid? ClinicId = null,
    string? ResourceId = null,
    Guid? PatientId = null,
    IReadOnlyList<Guid>? PatientsShown = null);
