using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Liver;

/// <summary>The kratom history a staff member enters: first kratom use and where the date came from (audit E8).</summary>
/// <summary>A first entry sends no stamp; a replacement sends the <see cref="KratomHistoryView.ConcurrencyStamp"/> it read.</summary>
public sealed record KratomHistoryRequest(DateOnly? FirstUseOn, string? Basis, Guid? ConcurrencyStamp = null);

public sealed record KratomHistoryView(DateOnly FirstUseOn, string Basis, DateTimeOffset EnteredAt, Guid ConcurrencyStamp);

/// <summary>Reads and writes the patient's kratom history (one row per patient; a save replaces it). RUCAM counts latency
/// from this date; the lead's "first exposure" is the patient's, which usually predates enrolment.</summary>
public sealed class KratomHistoryRecords(SpeciosaDbContext db, ClinicCalendar calendar, TimeProvider clock)
{
    public const int MaxBasisLength = 500;

    public async Task<KratomHistoryView?> FindAsync(Guid patientId, CancellationToken ct) =>
        await db.KratomHistories.AsNoTracking().Where(h => h.PatientId == patientId)
            .Select(h => new KratomHistoryView(h.FirstUseOn, h.Basis, h.EnteredAt, h.ConcurrencyStamp)).FirstOrDefaultAsync(ct);

    /// <summary>Saves the history, or says why not: problems keyed by field (firstUseOn, basis, concurrencyStamp), or stale
    /// when it changed since it was read; nothing is stored then.</summary>
    public async Task<(KratomHistoryView? Saved, Outcome Outcome)> SaveAsync(
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

        var row = await db.KratomHistories.FirstOrDefaultAsync(h => h.PatientId == patient.Id, ct);
        if (row is not null && request.ConcurrencyStamp is null)
        {
            errors["concurrencyStamp"] = ["A kratom history is already entered: send the concurrencyStamp you read, so a change made since is not overwritten."];
        }

        if (errors.Count > 0)
        {
            return (null, Outcome.Invalid(errors));
        }

        if (row is null)
        {
            if (request.ConcurrencyStamp is not null) return (null, Outcome.Stale());
            row = new KratomHistory { PatientId = patient.Id, Basis = basis! };
            db.KratomHistories.Add(row);
        }
        else if (row.ConcurrencyStamp != request.ConcurrencyStamp)
        {
            return (null, Outcome.Stale());
        }
        else
        {
            db.Entry(row).Property(h => h.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp!.Value;
        }

        row.FirstUseOn = request.FirstUseOn!.Value;
        row.Basis = basis!;
        row.EnteredByUserId = userId;
        row.EnteredAt = clock.GetUtcNow();
        row.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else entered or replaced it at the same moment (a second first entry, or a changed stamp).
            return (null, Outcome.Stale());
        }

        return (new KratomHistoryView(row.FirstUseOn, row.Basis, row.EnteredAt, row.ConcurrencyStamp), Outcome.Done);
    }
}
