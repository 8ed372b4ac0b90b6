using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Research;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Alerts;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Liver;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;
using Speciosa.Web.Safety;
using Speciosa.Web.Withdrawal;

namespace Speciosa.Web.Research;

/// <summary>Counts of a clinic's cohort for the Researcher's page (no row-level data).</summary>
/// <summary>The cohort counts as shown: every count through the small-cell rule (<see cref="CellSuppression"/>), so a
/// count from 1 to 10 is "&lt;11" (with its group's complement), and the rule in words with its source.</summary>
public sealed record CohortCounts(
    string Patients, IReadOnlyList<CohortGroup> ByStatus, IReadOnlyList<CohortGroup> BySex, IReadOnlyList<CohortGroup> ByAgeAtEnrolment,
    IReadOnlyList<CohortEvents> ByEventType, string Suppression);

public sealed record CohortGroup(string Name, string Patients);

public sealed record CohortEvents(string Type, string Patients, string Events);

/// <summary>The de-identified research extract of the caller's clinic (issue 16 item 5). Reads the record of Withdrawal,
/// Regimens, Liver, Safety and Alerts (read-only) and writes only the variables of the core's
/// <see cref="ResearchDictionary"/>: study ids instead of record ids, every date shifted by the patient's secret offset,
/// ages over 89 as 90+, no free text. The rules are the core's <see cref="SafeHarbor"/>. The record is read through
/// <see cref="ReportingReads"/> (a streaming standby when one is configured); only the study ids are read and drawn on
/// the primary.</summary>
public sealed class ResearchExtracts(SpeciosaDbContext db, ReportingReads reports, ClinicCalendar calendar)
{
    private sealed record Event(Guid PatientId, string Type, DateTimeOffset At, object?[] Cells);

    private static readonly string[] AgeBands = ["under 30", "30-49", "50-69", "70-89", SafeHarbor.OldestAgeGroup];

    public async Task<CohortCounts> CohortAsync(Guid clinicId, CancellationToken ct)
    {
        await using var record = reports.Open();
        var patients = await record.Patients.AsNoTracking().Where(p => p.ClinicId == clinicId)
            .Select(p => new { p.Id, p.Status, p.Sex, p.DateOfBirth, p.CreatedAt }).ToListAsync(ct);
        var zone = await calendar.ZoneAsync(clinicId, ct);
        var events = await EventsAsync(record, clinicId, patients.Select(p => p.Id).ToList(), ct);
        // Small cells hidden (CMS cell size suppression policy): each group adds up to the total, so a lone hidden count
        // takes its group's next smallest with it; the event rows are separate counts.
        var rule = CellSuppression.Default;
        IReadOnlyList<CohortGroup> Group(IReadOnlyList<(string Name, int Count)> cells) =>
            rule.ShowGroup(cells.Select(c => c.Count).ToList()).Select((shown, i) => new CohortGroup(cells[i].Name, shown)).ToList();
        return new CohortCounts(
            rule.Show(patients.Count),
            Group(patients.GroupBy(p => p.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList()),
            Group(patients.GroupBy(p => p.Sex).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList()),
            Group(AgeBands.Select(b => (b, patients.Count(p => Band(p.DateOfBirth, zone.Today(p.CreatedAt)) == b))).ToList()),
            ResearchDictionary.EventTypes.Select(t => new CohortEvents(t, rule.Show(events.Where(e => e.Type == t).Select(e => e.PatientId).Distinct().Count()),
                rule.Show(events.Count(e => e.Type == t)))).ToList(),
            rule.Rule);
    }

    /// <summary>One file of the extract as CSV, and the record ids of the patients it covers (named on the audit row).</summary>
    public async Task<(CsvWriter Csv, IReadOnlyList<Guid> Patients)> ExtractAsync(Guid clinicId, string file, string? eventType, CancellationToken ct,
        Speciosa.Web.Audit.AuditScope? audit = null)
    {
        var zone = await calendar.ZoneAsync(clinicId, ct);
        await using var record = reports.Open();
        var patients = await record.Patients.AsNoTracking().Where(p => p.ClinicId == clinicId).OrderBy(p => p.Id).ToListAsync(ct);
        // The audit row names every patient the extract covers; set before drawing study ids, whose save commits the row.
        audit?.Showed(patients.Select(p => p.Id));
        var subjects = await SubjectsAsync(clinicId, patients, ct);
        var csv = new CsvWriter().Header(ResearchDictionary.Of(file).Select(v => v.Variable).ToArray());
        var enrolled = patients.ToDictionary(p => p.Id, p => zone.Today(p.CreatedAt));
        // Rows in study id order: the order of the record's ids (or of enrolment) would say something the study id should not.
        var order = patients.OrderBy(p => subjects[p.Id].StudyId, StringComparer.Ordinal).ToList();
        switch (file)
        {
            case ResearchDictionary.Patients:
                foreach (var p in order)
                {
                    var s = subjects[p.Id];
                    csv.Row(s.StudyId, SafeHarbor.AgeGroup(p.DateOfBirth, enrolled[p.Id]), p.Sex, p.CountryCode, p.SubdivisionCode, p.Status,
                        SafeHarbor.Shift(enrolled[p.Id], s.DateShiftDays));
                }

                break;
            case ResearchDictionary.Events:
                var events = (await EventsAsync(record, clinicId, patients.Select(p => p.Id).ToList(), ct))
                    .Where(e => eventType is null || e.Type == eventType).ToList();
                foreach (var e in events.OrderBy(e => subjects[e.PatientId].StudyId, StringComparer.Ordinal).ThenBy(e => e.At).ThenBy(e => e.Type, StringComparer.Ordinal))
                {
                    var s = subjects[e.PatientId];
                    var local = TimeZoneInfo.ConvertTime(e.At, zone.Zone).DateTime;
                    csv.Row([s.StudyId, e.Type, SafeHarbor.Shift(local, s.DateShiftDays).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        SafeHarbor.StudyDay(enrolled[e.PatientId], DateOnly.FromDateTime(local)), .. e.Cells]);
                }

                break;
            default:
                var all = await EventsAsync(record, clinicId, patients.Select(p => p.Id).ToList(), ct);
                foreach (var day in all.GroupBy(e => (e.PatientId, Day: zone.Today(e.At)))
                             .OrderBy(g => subjects[g.Key.PatientId].StudyId, StringComparer.Ordinal).ThenBy(g => g.Key.Day))
                {
                    var s = subjects[day.Key.PatientId];
                    var scores = day.Where(e => e.Type == "assessment").ToList();
                    csv.Row(s.StudyId, SafeHarbor.Shift(day.Key.Day, s.DateShiftDays), SafeHarbor.StudyDay(enrolled[day.Key.PatientId], day.Key.Day),
                        scores.Count, MaxScore(scores, InstrumentCatalog.CowsId), MaxScore(scores, InstrumentCatalog.SowsHandelsmanId),
                        day.Count(e => e.Type == "dose"), day.Where(e => e.Type == "dose").Sum(e => (decimal)e.Cells[5]!),
                        day.Count(e => e.Type == "liver-result"), day.Count(e => e.Type == "adverse-event"), day.Count(e => e.Type == "alert"));
                }

                break;
        }

        return (csv, patients.Select(p => p.Id).ToList());
    }

    private static int? MaxScore(List<Event> scores, string instrument) =>
        scores.Where(e => (string?)e.Cells[0] == instrument).Select(e => (int?)e.Cells[2]).Max();

    private static string Band(DateOnly birth, DateOnly on)
    {
        var age = on < birth ? 0 : SafeHarbor.AgeInYears(birth, on);
        return age switch
        {
            > SafeHarbor.OldestAgeShown => SafeHarbor.OldestAgeGroup,
            >= 70 => "70-89",
            >= 50 => "50-69",
            >= 30 => "30-49",
            _ => "under 30",
        };
    }

    /// <summary>Every patient's study id and secret shift, drawing them (cryptographic randomness) for patients without one.</summary>
    private async Task<Dictionary<Guid, ResearchSubject>> SubjectsAsync(Guid clinicId, List<Patient> patients, CancellationToken ct)
    {
        var known = await db.ResearchSubjects.Where(s => s.ClinicId == clinicId).ToDictionaryAsync(s => s.PatientId, ct);
        var missing = patients.Where(p => !known.ContainsKey(p.Id)).ToList();
        if (missing.Count == 0)
        {
            return known;
        }

        foreach (var p in missing)
        {
            var subject = new ResearchSubject
            {
                PatientId = p.Id, ClinicId = clinicId, StudyId = "S" + RandomNumberGenerator.GetHexString(12, lowercase: true),
                DateShiftDays = SafeHarbor.OffsetFromDraw(RandomNumberGenerator.GetInt32(SafeHarbor.OffsetChoices)), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.ResearchSubjects.Add(subject);
            known[p.Id] = subject;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return known;
        }
        catch (DbUpdateException)
        {
            // Another extract drew them at the same moment: theirs stand.
            db.ChangeTracker.Clear();
            return await db.ResearchSubjects.AsNoTracking().Where(s => s.ClinicId == clinicId).ToDictionaryAsync(s => s.PatientId, ct);
        }
    }

    /// <summary>Every event of the clinic's patients with the cells of the events file after study id, type, time and study day,
    /// in the dictionary's order. Only coded and numeric columns are read: no free text is ever loaded.</summary>
    private static async Task<List<Event>> EventsAsync(SpeciosaDbContext db, Guid clinicId, List<Guid> patientIds, CancellationToken ct)
    {
        var events = new List<Event>();
        var assessments = await db.Assessments.AsNoTracking().Where(a => patientIds.Contains(a.PatientId))
            .Select(a => new { a.PatientId, a.AssessedAt, a.InstrumentId, a.InstrumentVersion, a.Total, a.Band, a.PatientReported }).ToListAsync(ct);
        events.AddRange(assessments.Select(a => new Event(a.PatientId, "assessment", a.AssessedAt,
            Cells(a.InstrumentId, a.InstrumentVersion, a.Total, a.Band, a.PatientReported))));
        var doses = await db.Doses.AsNoTracking().Where(d => d.ClinicId == clinicId)
            .Select(d => new { d.PatientId, d.GivenAt, d.Grams, d.Source }).ToListAsync(ct);
        events.AddRange(doses.Select(d => new Event(d.PatientId, "dose", d.GivenAt,
            Cells(patientReported: d.Source == nameof(Speciosa.Clinical.Regimens.DoseSource.PatientReported), grams: d.Grams))));
        var labs = await db.LabResults.AsNoTracking().Where(r => patientIds.Contains(r.PatientId) && !r.EnteredInError)
            .Select(r => new { r.PatientId, r.CollectedAt, r.Test, r.Loinc, r.Value, r.Unit, r.UpperLimitOfNormal, r.IsBaseline }).ToListAsync(ct);
        events.AddRange(labs.Select(r => new Event(r.PatientId, "liver-result", r.CollectedAt,
            Cells(test: r.Test, loinc: r.Loinc, value: r.Value, unit: r.Unit, uln: r.UpperLimitOfNormal, baseline: r.IsBaseline))));
        var adverse = await db.AdverseEvents.AsNoTracking().Where(e => patientIds.Contains(e.PatientId) && !e.EnteredInError)
            .Select(e => new { e.PatientId, e.Onset, e.TermId, e.Grade, e.Serious, e.Outcome, e.Relatedness }).ToListAsync(ct);
        events.AddRange(adverse.Select(e => new Event(e.PatientId, "adverse-event", e.Onset,
            Cells(aeTerm: e.TermId ?? "other", aeGrade: e.Grade, aeSerious: e.Serious, aeOutcome: e.Outcome, aeRelatedness: e.Relatedness))));
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.ClinicId == clinicId)
            .Select(a => new { a.PatientId, a.RaisedAt, a.RuleId, a.RuleVersion, a.Severity, a.Status }).ToListAsync(ct);
        events.AddRange(alerts.Select(a => new Event(a.PatientId, "alert", a.RaisedAt,
            Cells(rule: a.RuleId, ruleVersion: a.RuleVersion, severity: a.Severity, alertStatus: a.Status))));
        return events;
    }

    // The events file's columns after study_id, event_type, at, study_day (ResearchDictionary.Of(Events)).
    private static object?[] Cells(string? instrument = null, int? instrumentVersion = null, int? score = null, string? band = null,
        bool? patientReported = null, decimal? grams = null, string? test = null, string? loinc = null, decimal? value = null, string? unit = null,
        decimal? uln = null, bool? baseline = null, string? aeTerm = null, int? aeGrade = null, bool? aeSerious = null, string? aeOutcome = null,
        string? aeRelatedness = null, string? rule = null, int? ruleVersion = null, string? severity = null, string? alertStatus = null) =>
        [instrument, instrumentVersion, score, band, patientReported, grams, test, loinc, value, unit, uln, baseline,
            aeTerm, aeGrade, aeSerious, aeOutcome, aeRelatedness, rule, ruleVersion, severity, alertStatus];
}
