using Speciosa.Web.Clinics;
using Speciosa.Web.Documents;

namespace Speciosa.Web.Patients;

/// <summary>A part of the printed patient summary (<c>GET /api/patients/{id}/summary.pdf</c>) that a feature owns: the
/// regimen, the withdrawal scores chart, the liver chart, the open alerts, the medicines. Sections are loaded one
/// after another on the request's context and printed in <see cref="Order"/>, as blocks of the one PDF layout.</summary>
public interface IPatientSummarySection
{
    /// <summary>Lower first.</summary>
    int Order { get; }

    Task<IReadOnlyList<DocBlock>> LoadAsync(PatientSummaryContext context, CancellationToken ct);
}

/// <summary>What every section may use: the patient, the clinic's zone and the time the summary is made.</summary>
public sealed record PatientSummaryContext(Patient Patient, ClinicZone Zone, DateTimeOffset Now);
