using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Medicines;

/// <summary>A current medicine as other features see it: the name and dose as the clinician wrote them and the drug
/// class ids the core recognised (from the name or the classes given), e.g. "benzodiazepine", "qt-prolonging".</summary>
public sealed record CurrentMedicine(Guid Id, string Name, string? Dose, string? Frequency, IReadOnlyList<string> ClassIds, DateTimeOffset RecordedAt);

/// <summary>SEAM: what other features may ask of the medicine list (vital-sign rules, ECG prompts, seizure-risk flags,
/// urine drug test interpretation). Current = neither stopped nor entered in error.</summary>
public sealed class MedicineQueries(MedicineScreeningService screening)
{
    public async Task<IReadOnlyList<CurrentMedicine>> CurrentAsync(Guid patientId, CancellationToken ct)
    {
        var (current, result) = await screening.ScreenCurrentAsync(patientId, ct);
        return MedicineScreeningService.CurrentOf(current, result);
    }
}
