using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Liver;

/// <summary>The kratom history a staff member enters: first kratom use and where the date came from (audit E8).</summary>
public sealed record KratomHistoryRequest(DateOnly? FirstUseOn, string? Basis);

public sealed record KratomHistoryView(DateOnly FirstUseOn, string Basis, DateTimeOffset EnteredAt);

/// <summary>Reads and writes the patient's kratom history (one row per patient; a save replaces it). RUCAM counts latency
/// from this date; the lead's "first exposure" is the patient's, which usually predates enrolment.</summary>
public sealed class KratomHistoryRecords(SpeciosaDbContext db, ClinicCalendar calendar, TimeProvider clock)
{
    public const int MaxBasisLength = 500;

    public async Task<KratomHistoryView?> FindAsync(Guid patientId, CancellationToken ct) =>
        await db.KratomHistories.AsNoTracking().Where(h => h.PatientId == patientId)
            .Select(h => new KratomHistoryView(h.FirstUseOn, h.Basis, h.EnteredAt)).FirstOrDefaultAsync(ct);

    /// <summary>Saves the history, or returns the problems keyed by field (firstUseOn, basis); nothing is stored on error.</summary>
    public async Task<(KratomHistoryView? Saved, Dictionary<string, string[]> Errors)> SaveAsync(
        Patient patient, KratomHistoryRequest request, Guid userId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var today = await calendar.TodayAsync(patient.ClinicId, ct);
        if (request.FirstUseOn is not { } first)
        {
            errors["firstUseOn"] = ["The date of first kratom use, as yyyy-mm-dd (the first of the month or year is fine when only that is known; say so in the basis)."];
        }
        else if (first > today)
        {
            errors["firstUseOn"] = [$"A date no later than today ({today:yyyy-MM-dd} in the clinic's time zone)."];
        }
        else if (first < patient.DateOfBirth)
        {
            errors["firstUseOn"] = [$"A date after the patient's date of birth ({patient.DateOfBirth:yyyy-MM-dd})."];
        }

        var basis = request.Basis?.Trim();
        if (string.IsNullOrEmpty(basis) || basis.Length > MaxBasisLength)
        {
            errors["basis"] = [$"Where the date came from, 1 to {MaxBasisLength} characters (e.g. \"patient's account at intake\")."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var row = await db.KratomHistories.FirstOrDefaultAsync(h => h.PatientId == patient.Id, ct);
        if (row is null)
        {
            row = new KratomHistory { PatientId = patient.Id, Basis = basis! };
            db.KratomHistories.Add(row);
        }

        row.FirstUseOn = request.FirstUseOn!.Value;
        row.Basis = basis!;
        row.EnteredByUserId = userId;
        row.EnteredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return (new KratomHistoryView(row.FirstUseOn, row.Basis, row.EnteredAt), errors);
    }
}
