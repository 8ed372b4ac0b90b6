using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Regimens;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;
using Speciosa.Web.Jurisdictions;
using Speciosa.Web.Products;
using Speciosa.Web.Clinics;

namespace Speciosa.Web.Regimens;

/// <summary>A dose write: its <see cref="Outcome"/> (outside the order: dose-outside-order with the reasons; the law:
/// legal-refusal or legal-confirmation-needed), the dose as saved with the alerts it raised, and the legal decision.</summary>
public sealed record DoseWriteResult(
    Outcome Outcome,
    Dose? Dose = null,
    IReadOnlyList<string>? Reasons = null,
    IReadOnlyList<RaisedAlert>? Alerts = null,
    EnforcementDecision? Decision = null)
{
    /// <summary>A staff dose the order does not allow: nothing is stored.</summary>
    public static DoseWriteResult OutsideOrder(IReadOnlyList<string> reasons) =>
        new(Outcome.Refused(StatusCodes.Status409Conflict, "The dose is not within the order and was not recorded.", string.Join(" ", reasons),
            ProblemTypes.DoseOutsideOrder, new Dictionary<string, object?> { ["reasons"] = reasons }), Reasons: reasons);

    public static DoseWriteResult Legal(EnforcementDecision decision, bool refused) =>
        new(LegalReasons.Refusal(decision, refused), Decision: decision);
}

/// <summary>The dose log. Staff (Clinician, Nurse) give doses against the order: a dose the order does not allow is
/// refused and stored nowhere. A patient (own record) reports what they took: always stored, marked as reported,
/// with every departure from the order raised as an explained alert in the same SaveChanges.
/// Checks are <see cref="DoseCheck"/>'s; escalation is <see cref="DoseWatch"/>'s.</summary>
public sealed class DoseLog(
    SpeciosaDbContext db,
    RegimenQueries queries,
    ClinicCalendar calendar,
    RegimenService regimens,
    RegimenLegal legal,
    LotRelease release,
    DoseWatch watch,
    TimeProvider clock)
{
    public async Task<DoseWriteResult> RecordAsync(ClaimsPrincipal user, Patient patient, DoseRequest request, CancellationToken ct = default)
    {
        var source = user.IsInRole(SpeciosaRoles.Clinician) || user.IsInRole(SpeciosaRoles.Nurse) ? DoseSource.StaffGiven
            : user.IsInRole(SpeciosaRoles.Patient) ? DoseSource.PatientReported
            : throw new InvalidOperationException("Only clinicians, nurses and patients record doses.");
        var now = clock.GetUtcNow();
        var givenAt = (request.GivenAt ?? now).ToUniversalTime();
        var errors = new Dictionary<string, string[]>();
        var doseStatus = DoseStatuses.Parse(request.Status);
        if (doseStatus is null)
        {
            errors["status"] = [$"The status is one of: {string.Join(", ", DoseStatuses.Names)}."];
        }
        else if (doseStatus != DoseStatus.Given)
        {
            return await RecordNotGivenAsync(user, patient, request, doseStatus.Value, source, givenAt, now, ct);
        }

        if (request.Note is { Length: > DoseStatuses.MaxNoteLength })
        {
            errors["note"] = [$"The note is at most {DoseStatuses.MaxNoteLength} characters."];
        }

        if (request.Grams is not (> 0m and <= 1000m))
        {
            errors["grams"] = ["Grams are above 0 and at most 1000."];
        }

        if (givenAt > now.AddMinutes(5))
        {
            errors["givenAt"] = ["The dose time cannot be in the future."];
        }

        Lot? lot = null;
        if (request.LotId is { } lotId)
        {
            lot = await db.Lots.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lotId && l.ClinicId == patient.ClinicId, ct);
            if (lot is null)
            {
                errors["lotId"] = ["No such lot in your clinic."];
            }
        }
        else if (source == DoseSource.StaffGiven)
        {
            errors["lotId"] = ["Choose the lot the dose is given from."];
        }

        if (errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        // The limit check and the insert are one unit per patient: concurrent doses queue here, and each one
        // checks against every dose committed before it (issue: 20 parallel doses once stored 7 against 3 a day).
        await using var serialised = await db.BeginSerialisedAsync("dose-log", patient.Id.ToString(), ct);
        var zone = (await calendar.ZoneAsync(patient.ClinicId, ct)).Zone;
        var day = ClinicDay.Of(givenAt, zone);
        var activeOnDay = await queries.ActiveRegimenAsync(patient.Id, day, ct);
        var regimen = activeOnDay ?? await LatestAsync(patient.Id, ct);
        var dose = new Dose
        {
            Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, RegimenId = regimen?.RegimenId,
            RegimenVersion = regimen?.Version, LotId = lot?.Id, GivenAt = givenAt, Grams = request.Grams!.Value, Source = source.ToString(),
            RecordedBy = user.UserId()!.Value, RecordedAt = now, Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        };
        var alerts = new List<Alert>();
        if (regimen is null)
        {
            if (source == DoseSource.StaffGiven)
            {
                return DoseWriteResult.OutsideOrder(["The patient has no regimen: there is no order to give a dose against."]);
            }
        }
        else
        {
            if (source == DoseSource.StaffGiven && lot is not null && lot.ProductId != regimen.ProductId)
            {
                return DoseWriteResult.OutsideOrder([$"Lot {lot.LotCode} is not of the ordered product."]);
            }

            var record = DoseContent.RecordOf(dose);
            DoseLot? doseLot = null;
            if (lot is not null)
            {
                var status = await release.IsUsableAsync(patient.ClinicId, lot.Id, ct) ? LotStatus.Released
                    : lot.State == LotState.Recalled ? LotStatus.Recalled : LotStatus.NotReleased;
                doseLot = new DoseLot(lot.Id.ToString(), status);
            }

            var from = givenAt.AddDays(-2);
            var to = givenAt.AddDays(2);
            var others = await db.Doses.AsNoTracking().Where(d => d.PatientId == patient.Id && d.GivenAt >= from && d.GivenAt <= to).ToListAsync(ct);
            var scores = await regimens.ScoreReadingsAsync(patient.Id, ct);
            var decisions = await regimens.DecisionsAsync(regimen.RegimenId, ct);
            var check = DoseCheck.Evaluate(regimen.Order, record, others.Select(DoseContent.RecordOf).ToList(), doseLot, zone, scores, decisions);
            if (check.Disposition == DoseDisposition.Refuse)
            {
                return DoseWriteResult.OutsideOrder(check.Reasons.Select(r => Readable(r, lot)).ToList());
            }

            if (source == DoseSource.StaffGiven && lot is not null)
            {
                // Every staff dose meets the law where the patient lives now (they may have moved, or an entry come into
                // force, since the order). "Any released lot": choosing this lot is also when its warnings are confirmed;
                // a named lot's warnings were confirmed on the order, so only a refusal stops its dose.
                var decision = await legal.DecideAsync(patient, lot.Id, ct);
                if (decision.Outcome == EnforcementOutcome.Refuse)
                {
                    return DoseWriteResult.Legal(decision, refused: true);
                }

                if (regimen.LotId is null && decision.Outcome == EnforcementOutcome.WarnAndConfirm)
                {
                    if (!request.ConfirmLegalWarning)
                    {
                        return DoseWriteResult.Legal(decision, refused: false);
                    }

                    dose.LegalWarningsJson = RegimenJson.Write(RegimenLegal.Views(decision.Warnings));
                }
            }

            alerts.AddRange(check.Alerts.Select(a => a with { ConditionKey = $"patient/{patient.Id}/{a.ConditionKey}", Message = Readable(a.Message, lot) }));
        }

        db.Doses.Add(dose);
        async Task<List<RaisedAlert>> StageAlertsAsync()
        {
            var staged = await AlertBook.AddNewAsync(db, patient, alerts, now, ct);
            await watch.ReviewAsync(patient, day, zone, dose, activeOnDay, ct);
            return [.. staged, .. db.ChangeTracker.Entries<RaisedAlert>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).Except(staged)];
        }

        // The dose and its alerts commit together; a duplicate alert another request opened first is kept as theirs.
        var raised = await AlertBook.SaveAsync(db, await StageAlertsAsync(), StageAlertsAsync, ct);
        await serialised.CommitAsync(ct);
        return new(Outcome.Done, dose, Alerts: raised);
    }

    /// <summary>A dose that was due and not given (held, refused, missed): staff only, against the order in effect that
    /// clinic day, with its reason. Nothing is given, so no grams, lot, limit check or law applies; it is stored for the
    /// record (and hidden from every count of doses by the context's query filter).</summary>
    private async Task<DoseWriteResult> RecordNotGivenAsync(ClaimsPrincipal user, Patient patient, DoseRequest request, DoseStatus status,
        DoseSource source, DateTimeOffset at, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (source != DoseSource.StaffGiven)
        {
            errors["status"] = ["A patient reports the doses they took; held, refused and missed are recorded by staff."];
        }

        if (DoseStatuses.ReasonProblem(status, request.Reason) is { } problem)
        {
            errors["reason"] = [problem];
        }

        if (request.Grams is not null)
        {
            errors["grams"] = [$"A {DoseStatuses.Word(status)} dose was not given: leave the grams empty."];
        }

        if (request.Note is { Length: > DoseStatuses.MaxNoteLength })
        {
            errors["note"] = [$"The note is at most {DoseStatuses.MaxNoteLength} characters."];
        }

        if (at > now.AddMinutes(5))
        {
            errors["givenAt"] = ["The dose time cannot be in the future."];
        }

        if (errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        await using var serialised = await db.BeginSerialisedAsync("dose-log", patient.Id.ToString(), ct);
        var zone = (await calendar.ZoneAsync(patient.ClinicId, ct)).Zone;
        var regimen = await queries.ActiveRegimenAsync(patient.Id, ClinicDay.Of(at, zone), ct);
        if (regimen is null)
        {
            return DoseWriteResult.OutsideOrder(["The patient has no regimen that day: no dose was due."]);
        }

        var dose = new Dose
        {
            Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, RegimenId = regimen.RegimenId,
            RegimenVersion = regimen.Version, LotId = null, GivenAt = at, Grams = 0m, Source = source.ToString(),
            RecordedBy = user.UserId()!.Value, RecordedAt = now, Status = status.ToString(), StatusReason = request.Reason!.Trim(),
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        };
        db.Doses.Add(dose);
        await db.SaveChangesAsync(ct);
        await serialised.CommitAsync(ct);
        return new(Outcome.Done, dose, Alerts: []);
    }

    private async Task<ActiveRegimen?> LatestAsync(Guid patientId, CancellationToken ct)
    {
        var latest = (await db.Regimens.AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync(ct))
            .OrderByDescending(r => r.StartDate).FirstOrDefault();
        return latest is null ? null : await queries.ActiveRegimenAsync(patientId, latest.StartDate, ct);
    }

    /// <summary>The core names lots by the id it was given; people read lot codes.</summary>
    private static string Readable(string message, Lot? lot) =>
        lot is null ? message : message.Replace(lot.Id.ToString(), lot.LotCode, StringComparison.Ordinal);

    public async Task<ListPage<DoseView>> ListAsync(Patient patient, PageRequest paging, CancellationToken ct = default)
    {
        // The log lists every status (held, refused, missed beside given); the counts elsewhere see given doses only.
        var query = db.Doses.IgnoreQueryFilters().AsNoTracking().Where(d => d.PatientId == patient.Id);
        var total = await query.CountAsync(ct);
        // Instants are ticks on SQLite: order in SQL works on both providers.
        var rows = await query.OrderByDescending(d => d.GivenAt).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return paging.Of(await ViewsAsync(rows, ct), total);
    }

    public async Task<IReadOnlyList<DoseView>> ViewsAsync(IReadOnlyList<Dose> rows, CancellationToken ct = default)
    {
        var lots = await new DoseContent(db).LotsAsync(rows.Select(d => d.LotId), ct);
        return rows.Select(d =>
        {
            var e = DoseContent.Of(d, lots);
            return new DoseView(d.Id, d.PatientId, d.RegimenId, d.RegimenVersion, d.LotId, d.LotId is { } l && lots.TryGetValue(l, out var f) ? f.LotCode : null,
                d.GivenAt, d.Grams, d.Source, d.Source == nameof(DoseSource.PatientReported), e?.MitragynineMgPerDose, e?.SevenHydroxymitragynineMgPerDose,
                e?.IsEstimate ?? false, DoseContent.Basis(e), [], d.Status.ToLowerInvariant(), d.StatusReason, d.Note);
        }).ToList();
    }

    /// <summary>The 14 clinic days ending yesterday, as information beside the taper form: the mean a day and what it rests on
    /// (<see cref="IntakeSummary"/>). It fills nothing in.</summary>
    public async Task<IntakeSummary> RecentIntakeAsync(Patient patient, CancellationToken ct = default)
    {
        var zone = (await calendar.ZoneAsync(patient.ClinicId, ct)).Zone;
        var lastDay = ClinicDay.Of(clock.GetUtcNow(), zone).AddDays(-1);
        var since = clock.GetUtcNow().AddDays(-(IntakeSummary.Days + 2));
        var doses = await db.Doses.AsNoTracking().Where(d => d.PatientId == patient.Id && d.GivenAt >= since).ToListAsync(ct);
        return IntakeSummary.Over(doses.Select(DoseContent.RecordOf).ToList(), lastDay, zone);
    }

    /// <summary>The daily chart: grams, administrations and alkaloid mg per clinic day against the ceiling of the day
    /// (<see cref="DayLimits"/>, taper included), with COWS/SOWS totals on the same days.</summary>
    public async Task<DoseChartView> ChartAsync(Patient patient, CancellationToken ct = default)
    {
        var zone = (await calendar.ZoneAsync(patient.ClinicId, ct)).Zone;
        var today = ClinicDay.Of(clock.GetUtcNow(), zone);
        var since = clock.GetUtcNow().AddDays(-91);
        var doses = await db.Doses.AsNoTracking().Where(d => d.PatientId == patient.Id && d.GivenAt >= since).ToListAsync(ct);
        var scores = (await regimens.ScoreReadingsAsync(patient.Id, ct)).Where(s => s.TakenAt >= since).ToList();
        var firstDay = doses.Select(d => ClinicDay.Of(d.GivenAt, zone)).Concat(scores.Select(s => ClinicDay.Of(s.TakenAt, zone)))
            .Append(today.AddDays(-13)).Min();
        var lots = await new DoseContent(db).LotsAsync(doses.Select(d => d.LotId), ct);
        var byDay = doses.GroupBy(d => ClinicDay.Of(d.GivenAt, zone)).ToDictionary(g => g.Key, g => g.ToList());
        var regimenRows = await db.Regimens.AsNoTracking().Where(r => r.PatientId == patient.Id).ToListAsync(ct);
        var versions = new List<(RegimenOrder Order, IReadOnlyList<TitrationDecision> Decisions)>();
        foreach (var r in regimenRows)
        {
            var v = await db.RegimenVersions.AsNoTracking().FirstAsync(x => x.RegimenId == r.Id && x.Version == r.CurrentVersion, ct);
            versions.Add((RegimenJson.OrderOf(v), await regimens.DecisionsAsync(r.Id, ct)));
        }

        var days = new List<DailyDoseView>();
        for (var day = firstDay; day <= today; day = day.AddDays(1))
        {
            var list = byDay.GetValueOrDefault(day) ?? [];
            var exposures = list.Select(d => DoseContent.Of(d, lots)).ToList();
            var total = exposures.All(e => e is not null) ? DailyAlkaloidTotal.Of(exposures.Select(e => e!).ToList()) : null;
            var order = versions.Where(o => o.Order.Covers(day)).OrderByDescending(o => o.Order.StartDate).FirstOrDefault();
            var limits = order.Order is null ? null : DayLimits.On(order.Order, day, scores, zone, order.Decisions);
            days.Add(new DailyDoseView(day, list.Sum(d => d.Grams), list.Count, list.Count == 0 ? 0m : total?.MitragynineMg,
                list.Count == 0 ? 0m : total?.SevenHydroxymitragynineMg, total?.IsEstimate ?? false, total?.IsUpperBound ?? false,
                limits?.MaxGramsPerDay, limits?.MaxGramsPerDayBasis));
        }

        var points = scores.Select(s => new ScorePointView(s.Scale == WithdrawalScale.Cows ? "COWS" : "SOWS", s.TakenAt, ClinicDay.Of(s.TakenAt, zone), s.Total))
            .Where(p => p.Day >= firstDay).ToList();
        return new DoseChartView(patient.Id, firstDay, today, days, points);
    }
}
