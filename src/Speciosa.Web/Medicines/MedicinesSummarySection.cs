using Speciosa.Web.Documents;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Medicines;

/// <summary>The printed summary's other medicines: name, and dose and frequency as the clinician wrote them.</summary>
public sealed class MedicinesSummarySection(MedicineQueries medicines) : IPatientSummarySection
{
    public int Order => 40;

    public async Task<IReadOnlyList<DocBlock>> LoadAsync(PatientSummaryContext context, CancellationToken ct)
    {
        var current = await medicines.CurrentAsync(context.Patient.Id, ct);
        return
        [
            new DocHeading("Medicines"),
            new DocTable(
                ["Medicine", "Dose", "Frequency", "Classes", $"Recorded ({context.Zone.Id})"],
                current.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Select(m => (IReadOnlyList<string>)
                [
                    m.Name, m.Dose ?? "not written", m.Frequency ?? "not written", string.Join(", ", m.ClassIds), context.Zone.Local(m.RecordedAt),
                ]).ToList(),
                [2, 1.2, 1.2, 2, 1.3],
                "No other medicines recorded."),
        ];
    }
}
