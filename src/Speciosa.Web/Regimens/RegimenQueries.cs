using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Data;
using Speciosa.Web.Clinics;
using Speciosa.Web.Products;

namespace Speciosa.Web.Regimens;

/// <summary>A regimen in effect on a day, with the core's order for its current version.</summary>
public sealed record ActiveRegimen(Guid RegimenId, Guid PatientId, int Version, Guid ProductId, Guid? LotId, DateOnly StartDate,
    DateOnly? EndDate, RegimenOrder Order);

/// <summary>A lot a patient may name when reporting a dose they took.</summary>
public sealed record PatientLotChoice(Guid Id, string LotCode, string ProductName);

/// <summary>The public seam other features use (the safety feature: pregnancy alerts, liver monitoring).
/// Callers must already have checked the caller may see the patient. "Active on a day" means the current version's
/// start is on or before that clinic day and its end (if any) is on or after it.</summary>
public sealed class RegimenQueries(SpeciosaDbContext db, ClinicCalendar calendar)
{
    public async Task<ActiveRegimen?> ActiveRegimenAsync(Guid patientId, DateOnly asOf, CancellationToken ct = default)
    {
        // One query: the regimens in effect that day, each with its current version (ordered here, as SQLite cannot order by
        // an instant).
        var candidates = await db.Regimens.AsNoTracking()
            .Where(r => r.PatientId == patientId && r.StartDate <= asOf && (r.EndDate == null || r.EndDate >= asOf))
            .Join(db.RegimenVersions.AsNoTracking(), r => new { RegimenId = r.Id, Version = r.CurrentVersion }, v => new { v.RegimenId, v.Version },
                (r, v) => new { r.StartDate, r.CreatedAt, Version = v })
            .ToListAsync(ct);
        var version = candidates.OrderByDescending(c => c.StartDate).ThenByDescending(c => c.CreatedAt).FirstOrDefault()?.Version;
        return version is null ? null : Active(patientId, version);
    }

    /// <summary>Of the regimens in effect on <paramref name="day"/> for <paramref name="patientIds"/>, those whose current version has no
    /// dose due that day (<see cref="DoseDue"/>: a planned break day, or the taper at 0 g a day). One query reads only the versions with a
    /// break or a taper; their JSON is read here, so a caller composes "a regimen with a dose due" as "in effect and not in this list".</summary>
    public async Task<IReadOnlyList<Guid>> RegimensWithoutDoseDueAsync(IQueryable<Guid> patientIds, DateOnly day, CancellationToken ct = default)
    {
        var versions = await db.Regimens.AsNoTracking()
            .Where(r => patientIds.Contains(r.PatientId) && r.StartDate <= day && (r.EndDate == null || r.EndDate >= day))
            .Join(db.RegimenVersions.AsNoTracking(), r => new { RegimenId = r.Id, Version = r.CurrentVersion }, v => new { v.RegimenId, v.Version },
                (r, v) => v)
            .Where(v => v.BreaksJson != "[]" || v.TaperJson != null)
            .ToListAsync(ct);
        return versions.Where(v => !DoseDue.On(RegimenJson.OrderOf(v), day).Due).Select(v => v.RegimenId).ToList();
    }

    private static ActiveRegimen Active(Guid patientId, RegimenVersion v) =>
        new(v.RegimenId, patientId, v.Version, v.ProductId, v.LotId, v.StartDate, v.EndDate, RegimenJson.OrderOf(v));
    /// <summary>The lots a patient may name when reporting a dose (issue 14 item 3): those of their own order in effect at
    /// <paramref name="asOf"/> — the ordered lot, or under "any released lot" the released lots of the ordered product — and only
    /// released ones: a recalled, quarantined or failed lot is never offered. Empty without an active regimen ("I don't know" stays).</summary>
    public async Task<IReadOnlyList<PatientLotChoice>> PatientLotChoicesAsync(Guid patientId, DateTimeOffset asOf, CancellationToken ct = default)
    {
        if (await ActiveRegimenAsync(patientId, asOf, ct) is not { } regimen)
        {
            return [];
        }

        var lots = db.Lots.AsNoTracking().Where(l => l.State == LotState.Released && l.ProductId == regimen.ProductId);
        if (regimen.LotId is { } ordered)
        {
            lots = lots.Where(l => l.Id == ordered);
        }

        var rows = await lots.Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { l.Id, l.LotCode, p.Name }).ToListAsync(ct);
        return rows.OrderBy(l => l.LotCode, StringComparer.Ordinal).Select(l => new PatientLotChoice(l.Id, l.LotCode, l.Name)).ToList();
    }

    /// <summary>The regimen in effect at an instant, on the clinic day of that instant in the clinic's time zone.</summary>
    public async Task<ActiveRegimen?> ActiveRegimenAsync(Guid patientId, DateTimeOffset asOf, CancellationToken ct = default)
    {
        var zone = (await calendar.ZoneOfPatientAsync(patientId, ct)).Zone;
        return await ActiveRegimenAsync(patientId, ClinicDay.Of(asOf, zone), ct);
    }

    /// <summary>Every regimen of the patient (ended ones too) with its current version's order, oldest start first: for rules
    /// that look back (a taper that reached zero, a break, days without a dose).</summary>
    public async Task<IReadOnlyList<ActiveRegimen>> RegimensOfAsync(Guid patientId, CancellationToken ct = default)
    {
        var regimens = await db.Regimens.AsNoTracking().Where(r => r.PatientId == patientId)
            .Join(db.RegimenVersions.AsNoTracking(), r => new { RegimenId = r.Id, Version = r.CurrentVersion }, v => new { v.RegimenId, v.Version },
                (r, v) => new { r.StartDate, r.CreatedAt, Version = v })
            .ToListAsync(ct);
        return regimens.OrderBy(r => r.StartDate).ThenBy(r => r.CreatedAt).Select(r => Active(patientId, r.Version)).ToList();
    }

    /// <summary>The clinic days (in the patient's clinic zone) from <paramref name="from"/> to <paramref name="to"/> on which any
    /// dose was recorded, given by staff or reported by the patient.</summary>
    public async Task<IReadOnlySet<DateOnly>> DoseDaysAsync(Guid patientId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var zone = (await calendar.ZoneOfPatientAsync(patientId, ct)).Zone;
        var earliest = new DateTimeOffset(from.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var latest = new DateTimeOffset(to.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var times = await db.Doses.AsNoTracking().Where(d => d.PatientId == patientId && d.GivenAt >= earliest && d.GivenAt < latest)
            .Select(d => d.GivenAt).ToListAsync(ct);
        return times.Select(t => ClinicDay.Of(t, zone)).Where(d => d >= from && d <= to).ToHashSet();
    }

    /// <summary>How many doses the patient reported themselves on the clinic day <paramref name="day"/> (the portal's "Today").</summary>
    public async Task<int> PatientReportedDosesAsync(Guid patientId, DateOnly day, CancellationToken ct = default)
    {
        var zone = (await calendar.ZoneOfPatientAsync(patientId, ct)).Zone;
        var earliest = new DateTimeOffset(day.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var latest = new DateTimeOffset(day.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var reported = DoseSource.PatientReported.ToString();
        var times = await db.Doses.AsNoTracking()
            .Where(d => d.PatientId == patientId && d.Source == reported && d.GivenAt >= earliest && d.GivenAt < latest)
            .Select(d => d.GivenAt).ToListAsync(ct);
        return times.Count(t => ClinicDay.Of(t, zone) == day);
    }

    /// <summary>The highest mitragynine of a clinic day over the <see cref="IntakePeak.Days"/> clinic days ending on the day of
    /// <paramref name="asOf"/> (that day included), from every dose recorded and each lot's content (<see cref="DoseContent"/>).</summary>
    public async Task<IntakePeak> IntakePeakAsync(Guid patientId, DateTimeOffset asOf, CancellationToken ct = default)
    {
        var zone = (await calendar.ZoneOfPatientAsync(patientId, ct)).Zone;
        var lastDay = ClinicDay.Of(asOf, zone);
        var earliest = new DateTimeOffset(lastDay.AddDays(-(IntakePeak.Days + 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var latest = new DateTimeOffset(lastDay.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var doses = await db.Doses.AsNoTracking().Where(d => d.PatientId == patientId && d.GivenAt >= earliest && d.GivenAt < latest).ToListAsync(ct);
        var lots = await new DoseContent(db).LotsAsync(doses.Select(d => d.LotId), ct);
        var days = doses.GroupBy(d => ClinicDay.Of(d.GivenAt, zone)).Select(g =>
        {
            var exposures = g.Select(d => DoseContent.Of(d, lots)).ToList();
            return (g.Key, exposures.All(e => e is not null) ? DailyAlkaloidTotal.Of(exposures.Select(e => e!).ToList()) : null);
        }).ToList();
        return IntakePeak.Over(days, lastDay);
    }

    public async Task<bool> HasActiveRegimenAsync(Guid patientId, DateOnly asOf, CancellationToken ct = default) =>
        await db.Regimens.AnyAsync(r => r.PatientId == patientId && r.StartDate <= asOf && (r.EndDate == null || r.EndDate >= asOf), ct);

    public async Task<bool> HasActiveRegimenAsync(Guid patientId, DateTimeOffset asOf, CancellationToken ct = default)
    {
        var zone = (await calendar.ZoneOfPatientAsync(patientId, ct)).Zone;
        return await HasActiveRegimenAsync(patientId, ClinicDay.Of(asOf, zone), ct);
    }
}
