namespace Speciosa.Web.Patients;

/// <summary>A part of the patient overview page (<c>/patients/{id}</c>) that a feature owns: the regimen, the withdrawal
/// course, the legal status, the safety links. The page loads every section one after another on the request's
/// context (a section's component queries nothing itself) and renders them in <see cref="Order"/>.</summary>
public interface IPatientOverviewSection
{
    /// <summary>Lower first.</summary>
    int Order { get; }

    /// <summary>What to render for this patient, or null to show nothing.</summary>
    Task<OverviewSection?> LoadAsync(PatientOverviewContext context, CancellationToken ct);
}

/// <summary>What every section may use: the patient, whether the reader is care staff, the clinic's zone, and the
/// page's query (a section may show a notice after its own form redirects back).</summary>
public sealed record PatientOverviewContext(Patient Patient, bool Staff, TimeZoneInfo Zone, string ZoneId, IQueryCollection Query);

/// <summary>A component and its parameters, rendered by the overview with <c>DynamicComponent</c>.</summary>
public sealed record OverviewSection(Type Component, IDictionary<string, object?> Parameters);
