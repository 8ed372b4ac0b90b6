using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Medicines;
using Speciosa.Web.Alerts;
using Speciosa.Web.Audit;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Medicines;

/// <summary>A medicine to add. <c>name</c> may carry the dose and frequency as a clinician writes them ("alprazolam 0.5 mg tid");
/// <c>dose</c> and <c>frequency</c>, when sent, are kept instead of those read from the name.</summary>
public sealed record MedicineRequest(string? Name, string? RxNorm, IReadOnlyList<string>? Classes, string? Dose = null, string? Frequency = null,
    string? Unit = null, string? Route = null, DateOnly? StartedOn = null);

/// <summary>Stop a current medicine: why (required), the day it stopped (default the clinic's today) and the stamp read.</summary>
public sealed record MedicineStopRequest(string? Reason, DateOnly? StoppedOn, Guid? ConcurrencyStamp);

/// <summary>Mark a medicine entered in error: why (required), <c>confirm: true</c> (it cannot be undone) and the stamp read.</summary>
public sealed record MedicineErrorRequest(string? Reason, bool Confirm, Guid? ConcurrencyStamp);

/// <summary>Change a current medicine's dose, unit, frequency and route (a PUT: every field sent, null to clear one), why (required)
/// and the stamp read. The name is not edited: a wrong name is an entry in error.</summary>
public sealed record MedicineEditRequest(string? Dose, string? Unit, string? Frequency, string? Route, string? Reason, Guid? ConcurrencyStamp)
    : IWholeRecordRequest
{
    public static IReadOnlyList<string> EveryField { get; } = ["dose", "unit", "frequency", "route", "reason", "concurrencyStamp"];
}

/// <summary>One edit of a medicine as its history shows it: who (by name), when, why, the fields before and after in words and
/// what the re-run screen said.</summary>
public sealed record MedicineEditView(Guid Id, DateTimeOffset ChangedAt, string ChangedBy, string Reason, string Before, string After,
    IReadOnlyList<string> Changed, string Summary);

/// <summary>An alert a medicine change cleared, with the reason written on it.</summary>
public sealed record ClearedAlertView(Guid Id, string RuleId, string Title, string Reason, DateTimeOffset? ResolvedAt = null);

/// <summary>What a change to the list did: in words, and the alerts it raised and cleared.</summary>
public sealed record MedicineChange(string Summary, IReadOnlyList<AlertView> Raised, IReadOnlyList<ClearedAlertView> Cleared);

/// <summary>The outcome of a stop or correction, with the medicine as it now stands and what changed.</summary>
public sealed record MedicineChangeResult(Outcome Outcome, MedicineView? Medicine = null, MedicineChange? Change = null);

/// <summary>The outcome of an edit: the medicine as it now stands, what changed (null when it already read so: nothing saved) and
/// the history row written.</summary>
public sealed record MedicineEditResult(Outcome Outcome, MedicineView? Medicine = null, MedicineChange? Change = null, MedicineEditView? Edit = null);

/// <summary>A medicine with its screening answer: InteractionsFound, NoKnownInteraction (classes known, no rule), ClassTooBroad
/// (known only by a class too broad to screen) or NoData (nothing recognised) — the last two say nothing about safety and are
/// shown differently on purpose. Dose and frequency are as the clinician wrote them.</summary>
/// <para>Status is current, stopped or entered-in-error; only current medicines are screened (the others answer outcome
/// NotScreened) and counted by any rule.</para>
public sealed record MedicineView(Guid Id, string Name, string? RxNorm, string? Dose, string? Frequency, string? FrequencyInWords,
    IReadOnlyList<string> Classes, string Outcome, string Summary, IReadOnlyList<string> MatchedRules, IReadOnlyList<string> UnrecognisedClasses,
    string? Unit, string? Route, DateOnly? StartedOn, string Status, DateOnly? StoppedOn,
    string? StopReason, string? EnteredInErrorReason, Guid ConcurrencyStamp);

public sealed record MedicineAdded(MedicineView Medicine, int RuleBaseVersion, IReadOnlyList<AlertView> RaisedAlerts, MedicineChange? Change = null);

/// <summary>Screens a patient's current concomitant medicines against the kratom interaction rule base and reconciles the
/// interaction alerts. SEAM: the regimen feature calls <see cref="StageAsync"/> when a regimen (or its lot) is added, with
/// <c>lotWithoutAdulterantScreen</c> from the lot's certificate, then saves with <see cref="AlertBook.SaveAsync"/>.</summary>
public sealed class MedicineScreeningService(SpeciosaDbContext db, IEnumerable<IMedicineListChangedHandler> listChanged, ClinicCalendar calendar)
    : IRegimenChangedHandler
{
    private static MedicineCatalogue Catalogue => MedicineCatalogue.Default;

    private static readonly string[] Rules = InteractionRuleBase.Default.Rules.Select(r => InteractionRuleBase.ToAlertRule(r).Id).Distinct().ToArray();

    public async Task<(InteractionScreeningResult Result, List<PatientMedicine> Medicines, List<RaisedAlert> Added, List<RaisedAlert> Resolved)> StageAsync(
        Patient patient, DateTimeOffset now, CancellationToken ct, bool lotWithoutAdulterantScreen = false)
    {
        await db.PatientMedicines.Where(m => m.PatientId == patient.Id).LoadAsync(ct);
        var current = db.PatientMedicines.Local.Where(m => m.PatientId == patient.Id && !m.EnteredInError && m.StoppedAt is null)
            .OrderBy(m => m.RecordedAt).ToList();
        var result = InteractionScreening.Screen(current.Select(ToScreened), lotWithoutAdulterantScreen);
        var (added, resolved) = await AlertBook.ReconcileAsync(db, patient, Rules, result.Alerts, now, ct, "interaction:");
        return (result, current, added, resolved);
    }

    /// <summary>The patient's current medicines (oldest first) with the screening of each, as the list API returns it.</summary>
    public async Task<(List<PatientMedicine> Medicines, InteractionScreeningResult Result)> ScreenCurrentAsync(Guid patientId, CancellationToken ct)
    {
        var current = (await db.PatientMedicines.AsNoTracking()
            .Where(m => m.PatientId == patientId && !m.EnteredInError && m.StoppedAt == null).ToListAsync(ct))
            .OrderBy(m => m.RecordedAt).ToList();
        return (current, InteractionScreening.Screen(current.Select(ToScreened)));
    }

    public async Task<List<MedicineView>> ListAsync(Guid patientId, CancellationToken ct, bool all = false)
    {
        var (current, result) = await ScreenCurrentAsync(patientId, ct);
        var views = current.Select((m, i) => ViewOf(m, result.Medicines[i])).ToList();
        return all ? [.. views, .. (await EndedAsync(patientId, ct)).Select(EndedViewOf)] : views;
    }

    /// <summary>The patient's stopped and entered-in-error medicines, newest first (shown to staff, counted by no rule).</summary>
    public async Task<List<PatientMedicine>> EndedAsync(Guid patientId, CancellationToken ct) =>
        (await db.PatientMedicines.AsNoTracking().Where(m => m.PatientId == patientId && (m.EnteredInError || m.StoppedAt != null)).ToListAsync(ct))
            .OrderByDescending(m => m.EnteredInErrorAt ?? m.StoppedAt).ToList();

    /// <summary>Interaction alerts the medicine list cleared, newest first, with the reason written on each.</summary>
    public async Task<List<ClearedAlertView>> ClearedInteractionsAsync(Guid patientId, int max, CancellationToken ct) =>
        (await db.Alerts.AsNoTracking().Where(a => a.PatientId == patientId && a.Status == AlertStatus.Resolved
                && a.ConditionKey.StartsWith("interaction:") && a.ResolvedByUserId == null).ToListAsync(ct))
            .OrderByDescending(a => a.ResolvedAt).Take(max).Select(a => new ClearedAlertView(a.Id, a.RuleId, TitleOf(a), a.ResolutionReason ?? "", a.ResolvedAt)).ToList();

    /// <summary>Validates, stores and screens a medicine with its interaction alerts in one save; on any problem stores nothing.</summary>
    public async Task<(MedicineAdded? Added, Dictionary<string, string[]> Errors)> AddAsync(
        Patient patient, MedicineRequest request, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var entry = string.IsNullOrWhiteSpace(request.Name) ? null : MedicineEntryText.Parse(request.Name);
        if (entry is null || entry.Name.Length > 200)
        {
            errors["name"] = ["The medicine or substance name, 1 to 200 characters (it may end with the dose and frequency, e.g. alprazolam 0.5 mg tid)."];
        }

        var dose = string.IsNullOrWhiteSpace(request.Dose) ? entry?.Dose : request.Dose.Trim();
        var frequency = string.IsNullOrWhiteSpace(request.Frequency) ? entry?.Frequency : request.Frequency.Trim();
        string? unit = null;
        if (dose is { Length: > MedicineEntryText.MaxPartLength })
        {
            errors["dose"] = [$"The dose as written, up to {MedicineEntryText.MaxPartLength} characters, or leave it out."];
        }
        else
        {
            (dose, unit) = DoseAndUnit(dose, request.Unit, errors);
        }

        var route = RouteOf(request.Route, errors);

        if (request.StartedOn is { } started && started > await calendar.TodayAsync(patient.ClinicId, ct))
        {
            errors["startedOn"] = ["The day the patient started it: today or earlier in the clinic's time zone, or leave it empty."];
        }

        if (frequency is { Length: > MedicineEntryText.MaxPartLength })
        {
            errors["frequency"] = [$"The frequency as written (e.g. tid, twice a day), up to {MedicineEntryText.MaxPartLength} characters, or leave it out."];
        }

        if (request.RxNorm is { } rx && (rx.Trim().Length is 0 or > 16 || !rx.Trim().All(char.IsAsciiDigit)))
        {
            errors["rxNorm"] = ["An RxNorm concept id (digits only), or leave it out."];
        }

        var classes = (request.Classes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var unknown = classes.Where(c => !DrugClassCatalogue.Default.IsKnownClass(c)).ToList();
        if (unknown.Count > 0)
        {
            errors["classes"] = [$"Unknown class id(s): {string.Join(", ", unknown)}. Allowed: {string.Join(", ", DrugClassCatalogue.Default.Classes.Select(c => c.Id))}."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var medicine = new PatientMedicine
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, Name = entry!.Name, RxNorm = request.RxNorm?.Trim(), Dose = dose, Unit = unit,
            Frequency = frequency, Route = route, StartedOn = request.StartedOn,
            Classes = string.Join(",", classes), RecordedAt = now, RecordedByUserId = userId, ConcurrencyStamp = Guid.NewGuid(),
        };
        db.PatientMedicines.Add(medicine);
        var (result, current, added, change) = await RescreenAndSaveAsync(patient, medicine, "Adding", "", null, now, ct);
        var index = current.FindIndex(m => m.Id == medicine.Id);
        return (new MedicineAdded(ViewOf(medicine, result.Medicines[index]), result.RuleBaseVersion, added.Select(AlertBook.ViewOf).ToList(), change), errors);
    }

    /// <summary>Stops a current medicine with a reason: the interaction screen and every <see cref="IMedicineListChangedHandler"/>
    /// run again without it in the same save, so an alert it caused is resolved, naming the stop.</summary>
    public async Task<MedicineChangeResult> StopAsync(Patient patient, Guid medicineId, MedicineStopRequest request, Guid userId, DateTimeOffset now,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            errors["reason"] = ["Say why it was stopped, 1 to 500 characters."];
        }

        var today = await calendar.TodayAsync(patient.ClinicId, ct);
        var medicine = await db.PatientMedicines.FirstOrDefaultAsync(m => m.Id == medicineId && m.PatientId == patient.Id, ct);
        if (medicine is null)
        {
            return new(Outcome.NotFound);
        }

        var stoppedOn = request.StoppedOn ?? today;
        if (stoppedOn > today)
        {
            errors["stoppedOn"] = ["The day it stopped: today or earlier in the clinic's time zone (leave it empty for today)."];
        }
        else if (medicine.StartedOn is { } started && stoppedOn < started)
        {
            errors["stoppedOn"] = [$"The day it stopped cannot be before the day it started ({started:yyyy-MM-dd})."];
        }

        if (request.ConcurrencyStamp is null)
        {
            errors["concurrencyStamp"] = ["Send the concurrencyStamp of the medicine as you read it, so a change made since is not overwritten."];
        }

        if (errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        if (!medicine.IsCurrent)
        {
            return new(Outcome.Conflict(medicine.EnteredInError ? "This medicine was marked entered in error; there is nothing to stop." : "This medicine is already stopped."));
        }

        if (request.ConcurrencyStamp != medicine.ConcurrencyStamp)
        {
            return new(Outcome.Stale("The medicine changed since you read it; reload the list and decide again."));
        }

        db.Entry(medicine).Property(m => m.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp.Value;
        medicine.StoppedAt = now;
        medicine.StoppedOn = stoppedOn;
        medicine.StopReason = reason;
        medicine.StoppedByUserId = userId;
        medicine.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            var (_, _, _, change) = await RescreenAndSaveAsync(patient, medicine, "Stopping", "", $"{medicine.Name} stopped on {stoppedOn:yyyy-MM-dd} ({reason})", now, ct);
            return new(Outcome.Done, EndedViewOf(medicine), change);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(Outcome.Stale("The medicine changed since you read it; reload the list and decide again."));
        }
    }

    /// <summary>Marks a medicine entered in error (with a reason and a confirmation: it cannot be undone). The row stays, shown
    /// struck through to staff; no rule counts it any more, and the screen re-runs as for a stop.</summary>
    public async Task<MedicineChangeResult> MarkEnteredInErrorAsync(Patient patient, Guid medicineId, MedicineErrorRequest request, Guid userId,
        DateTimeOffset now, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            errors["reason"] = ["Say why it is wrong, 1 to 500 characters."];
        }

        if (!request.Confirm)
        {
            errors["confirm"] = ["Confirm (confirm: true, or tick the box): a medicine marked entered in error cannot be restored."];
        }

        var (medicine, refusal) = await ForChangeAsync(patient, medicineId, request.ConcurrencyStamp, errors, ct);
        if (medicine is null)
        {
            return new(refusal!);
        }

        if (medicine.EnteredInError)
        {
            return new(Outcome.Conflict("This medicine is already marked entered in error."));
        }

        if (request.ConcurrencyStamp != medicine.ConcurrencyStamp)
        {
            return new(Outcome.Stale("The medicine changed since you read it; reload the list and decide again."));
        }

        var wasCurrent = medicine.IsCurrent;
        db.Entry(medicine).Property(m => m.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp!.Value;
        medicine.EnteredInError = true;
        medicine.EnteredInErrorReason = reason;
        medicine.EnteredInErrorAt = now;
        medicine.EnteredInErrorByUserId = userId;
        medicine.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            if (!wasCurrent)
            {
                await db.SaveChangesAsync(ct);
                return new(Outcome.Done, EndedViewOf(medicine),
                    new MedicineChange(MedicineChangeWording.Describe("Marking", medicine.Name, [], [], [], " entered in error"), [], []));
            }

            var (_, _, _, change) = await RescreenAndSaveAsync(patient, medicine, "Marking", " entered in error",
                $"{medicine.Name} marked entered in error ({reason})", now, ct);
            return new(Outcome.Done, EndedViewOf(medicine), change);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(Outcome.Stale("The medicine changed since you read it; reload the list and decide again."));
        }
    }

    /// <summary>Changes a current medicine's dose, unit, frequency and route (a change, not a new entry): validated like an
    /// addition, refused on a stale stamp, written with a history row (who, when, why, before and after), and the interaction
    /// screen and every list handler re-run in the same save, saying what changed. An edit to what the medicine already reads
    /// (a retry) saves nothing and answers the medicine as it is.</summary>
    public async Task<MedicineEditResult> EditAsync(Patient patient, Guid medicineId, MedicineEditRequest request, Guid userId, DateTimeOffset now,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            errors["reason"] = ["Say why the medicine changes (e.g. dose increased by her GP), 1 to 500 characters."];
        }

        var dose = string.IsNullOrWhiteSpace(request.Dose) ? null : request.Dose.Trim();
        string? unit = null;
        if (dose is { Length: > MedicineEntryText.MaxPartLength })
        {
            errors["dose"] = [$"The dose as written, up to {MedicineEntryText.MaxPartLength} characters, or leave it empty."];
        }
        else
        {
            (dose, unit) = DoseAndUnit(dose, request.Unit, errors);
        }

        var frequency = string.IsNullOrWhiteSpace(request.Frequency) ? null : request.Frequency.Trim();
        if (frequency is { Length: > MedicineEntryText.MaxPartLength })
        {
            errors["frequency"] = [$"The frequency as written (e.g. tid, twice a day), up to {MedicineEntryText.MaxPartLength} characters, or leave it empty."];
        }

        var route = RouteOf(request.Route, errors);
        var (medicine, refusal) = await ForChangeAsync(patient, medicineId, request.ConcurrencyStamp, errors, ct);
        if (medicine is null)
        {
            return new(refusal!);
        }

        if (!medicine.IsCurrent)
        {
            return new(Outcome.Conflict(medicine.EnteredInError
                ? "This medicine was marked entered in error; add the right one instead."
                : "This medicine is stopped; add it again if the patient restarted it."));
        }

        var before = (medicine.Dose, medicine.Unit, medicine.Frequency, medicine.Route);
        if (before == (dose, unit, frequency, route))
        {
            return new(Outcome.Done, await ViewOfCurrentAsync(medicine, ct));
        }

        if (request.ConcurrencyStamp != medicine.ConcurrencyStamp)
        {
            return new(Outcome.Stale("The medicine changed since you read it; reload the list and decide again."));
        }

        db.Entry(medicine).Property(m => m.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp!.Value;
        var beforeText = FieldsInWords(medicine);
        (medicine.Dose, medicine.Unit, medicine.Frequency, medicine.Route) = (dose, unit, frequency, route);
        medicine.ConcurrencyStamp = Guid.NewGuid();
        var changed = ChangedFields(before, (dose, unit, frequency, route));
        var history = new PatientMedicineChange
        {
            Id = Guid.NewGuid(), MedicineId = medicine.Id, PatientId = patient.Id, ChangedAt = now, ChangedByUserId = userId, Reason = reason!,
            DoseBefore = before.Dose, UnitBefore = before.Unit, FrequencyBefore = before.Frequency, RouteBefore = before.Route,
            DoseAfter = dose, UnitAfter = unit, FrequencyAfter = frequency, RouteAfter = route, Summary = "",
        };
        db.PatientMedicineChanges.Add(history);
        try
        {
            var suffix = $" ({string.Join("; ", changed)})";
            var (result, current, _, change) = await RescreenAndSaveAsync(patient, medicine, "Changing", suffix, null, now, ct,
                summary => history.Summary = summary);
            var index = current.FindIndex(m => m.Id == medicine.Id);
            var edit = new MedicineEditView(history.Id, now, await NameOfAsync(userId, ct), reason!, beforeText, FieldsInWords(medicine), changed, change.Summary);
            return new(Outcome.Done, ViewOf(medicine, result.Medicines[index]), change, edit);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(Outcome.Stale("The medicine changed since you read it; reload the list and decide again."));
        }
    }

    /// <summary>The edits of the patient's medicines, newest first, with who made each (by name).</summary>
    public async Task<Dictionary<Guid, List<MedicineEditView>>> EditsAsync(Guid patientId, CancellationToken ct)
    {
        var rows = (await db.PatientMedicineChanges.AsNoTracking().Where(c => c.PatientId == patientId).ToListAsync(ct))
            .OrderByDescending(c => c.ChangedAt).ToList();
        var ids = rows.Select(r => r.ChangedByUserId).Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return rows.GroupBy(r => r.MedicineId).ToDictionary(g => g.Key, g => g.Select(r => new MedicineEditView(r.Id, r.ChangedAt,
            names.GetValueOrDefault(r.ChangedByUserId) ?? "a former user", r.Reason,
            FieldsInWords(r.DoseBefore, r.UnitBefore, r.FrequencyBefore, r.RouteBefore), FieldsInWords(r.DoseAfter, r.UnitAfter, r.FrequencyAfter, r.RouteAfter),
            ChangedFields((r.DoseBefore, r.UnitBefore, r.FrequencyBefore, r.RouteBefore), (r.DoseAfter, r.UnitAfter, r.FrequencyAfter, r.RouteAfter)),
            r.Summary)).ToList());
    }

    /// <summary>The medicine a correction or edit is about, once the request's own field problems are in <paramref name="errors"/>:
    /// 404 when the patient has no such medicine, else 400 naming every problem (a missing stamp among them).</summary>
    private async Task<(PatientMedicine? Medicine, Outcome? Refusal)> ForChangeAsync(Patient patient, Guid medicineId, Guid? stamp,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (stamp is null)
        {
            errors["concurrencyStamp"] = ["Send the concurrencyStamp of the medicine as you read it, so a change made since is not overwritten."];
        }

        var medicine = await db.PatientMedicines.FirstOrDefaultAsync(m => m.Id == medicineId && m.PatientId == patient.Id, ct);
        return medicine is null ? (null, Outcome.NotFound) : errors.Count > 0 ? (null, Outcome.Invalid(errors)) : (medicine, null);
    }

    public Task<bool> ExistsAsync(Guid patientId, Guid medicineId, CancellationToken ct) =>
        db.PatientMedicines.AnyAsync(m => m.Id == medicineId && m.PatientId == patientId, ct);

    private async Task<string> NameOfAsync(Guid userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "a former user";

    private async Task<MedicineView> ViewOfCurrentAsync(PatientMedicine medicine, CancellationToken ct)
    {
        var (current, result) = await ScreenCurrentAsync(medicine.PatientId, ct);
        return ViewOf(medicine, result.Medicines[current.FindIndex(m => m.Id == medicine.Id)]);
    }

    /// <summary>"dose 50 mg → 100 mg", one per field that differs, the unit read with its dose.</summary>
    private static List<string> ChangedFields((string? Dose, string? Unit, string? Frequency, string? Route) before,
        (string? Dose, string? Unit, string? Frequency, string? Route) after)
    {
        var changed = new List<string>();
        if ((before.Dose, before.Unit) != (after.Dose, after.Unit))
        {
            changed.Add($"dose {DoseInWords(before.Dose, before.Unit) ?? "none"} → {DoseInWords(after.Dose, after.Unit) ?? "none"}");
        }

        if (before.Frequency != after.Frequency)
        {
            changed.Add($"frequency {before.Frequency ?? "none"} → {after.Frequency ?? "none"}");
        }

        if (before.Route != after.Route)
        {
            changed.Add($"route {RouteInWords(before.Route) ?? "none"} → {RouteInWords(after.Route) ?? "none"}");
        }

        return changed;
    }

    private static string? DoseInWords(string? dose, string? unit) => dose is null ? null : unit is null ? dose : $"{dose} {unit}";

    private static string? RouteInWords(string? route) => route is null ? null : Catalogue.FindRoute(route)?.Name ?? route;

    private static string FieldsInWords(PatientMedicine m) => FieldsInWords(m.Dose, m.Unit, m.Frequency, m.Route);

    private static string FieldsInWords(string? dose, string? unit, string? frequency, string? route) =>
        $"dose {DoseInWords(dose, unit) ?? "none"}, frequency {frequency ?? "none"}, route {RouteInWords(route) ?? "none"}";

    private static string? RouteOf(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var route = Catalogue.FindRoute(text)?.Id;
        if (route is null)
        {
            errors["route"] = [$"Choose the route from the list ({string.Join(", ", Catalogue.Routes.Select(r => r.Id))}), or leave it empty."];
        }

        return route;
    }

    /// <summary>Re-runs the interaction screen and every list handler on the list as it will be saved, writes
    /// <paramref name="why"/> on every alert this clears, saves once and says what changed.</summary>
    private async Task<(InteractionScreeningResult Result, List<PatientMedicine> Current, List<RaisedAlert> Added, MedicineChange Change)> RescreenAndSaveAsync(
        Patient patient, PatientMedicine medicine, string action, string suffix, string? why, DateTimeOffset now, CancellationToken ct,
        Action<string>? beforeSave = null)
    {
        var (result, current, added, _) = await StageAsync(patient, now, ct);
        added.AddRange(await ListChangedAsync(patient, current, result, now, ct));
        var cleared = db.ChangeTracker.Entries<RaisedAlert>()
            .Where(e => e.State == EntityState.Modified && e.Entity.Status == AlertStatus.Resolved && e.Entity.ResolvedAt == now && e.Entity.ResolvedByUserId == null)
            .Select(e => e.Entity).ToList();
        foreach (var alert in cleared.Where(a => why is not null && a.ResolutionReason == AlertBook.ClearedReason))
        {
            alert.ResolutionReason = $"{why}: the condition no longer holds (resolved automatically).";
        }

        var interactions = cleared.Where(a => a.ConditionKey.StartsWith("interaction:", StringComparison.Ordinal)).ToList();
        string Describe(List<RaisedAlert> raised) => MedicineChangeWording.Describe(action, medicine.Name, interactions.Select(TitleOf).ToList(),
            cleared.Except(interactions).Select(TitleOf).ToList(), raised.Select(TitleOf).ToList(), suffix);
        var staged = Describe(added);
        beforeSave?.Invoke(staged);
        added = await AlertBook.SaveAsync(db, added, async () =>
        {
            var again = await StageAsync(patient, now, ct);
            return [.. again.Added, .. await ListChangedAsync(patient, again.Medicines, again.Result, now, ct)];
        }, ct);
        var summary = Describe(added);
        if (beforeSave is not null && summary != staged)
        {
            // A concurrent request opened one of the alerts first (AlertBook kept theirs): the record says what this change did.
            beforeSave(summary);
            await db.SaveChangesAsync(ct);
        }

        var change = new MedicineChange(summary, added.Select(AlertBook.ViewOf).ToList(),
            cleared.Select(a => new ClearedAlertView(a.Id, a.RuleId, TitleOf(a), a.ResolutionReason ?? "", a.ResolvedAt)).ToList());
        return (result, current, added, change);
    }

    /// <summary>An alert's title: the interaction rule's, else its message up to the first full stop.</summary>
    private static string TitleOf(RaisedAlert a) =>
        InteractionRuleBase.Default.Rules.FirstOrDefault(r => r.Id == a.RuleId)?.Title
        ?? (a.Message.IndexOf(". ", StringComparison.Ordinal) is var dot and > 0 ? a.Message[..dot] : a.Message);

    /// <summary>The amount as written and a listed unit: from the unit field, or split from "0.5 mg"; a problem keyed dose or unit.</summary>
    private static (string? Dose, string? Unit) DoseAndUnit(string? dose, string? unitText, Dictionary<string, string[]> errors)
    {
        var allowed = string.Join(", ", Catalogue.Units.Select(u => u.Id));
        if (!string.IsNullOrWhiteSpace(unitText))
        {
            var unit = Catalogue.FindUnit(unitText);
            if (unit is null)
            {
                errors["unit"] = [$"Choose the dose's unit from the list ({allowed})."];
                return (dose, null);
            }

            if (dose is null)
            {
                errors["dose"] = ["Enter the amount for the unit chosen (e.g. 0.5), or leave the unit empty."];
                return (null, unit.Id);
            }

            if (MedicineCatalogue.IsAmount(dose))
            {
                return (dose, unit.Id);
            }

            if (Catalogue.SplitDose(dose) is { } same && same.Unit == unit)
            {
                return (same.Amount, unit.Id);
            }

            errors["dose"] = ["The amount as a number (0.5) or a range (1-2), without the unit."];
            return (dose, unit.Id);
        }

        if (dose is null)
        {
            return (null, null);
        }

        if (Catalogue.SplitDose(dose) is { } split)
        {
            return (split.Amount, split.Unit.Id);
        }

        if (MedicineCatalogue.IsAmount(dose))
        {
            errors["unit"] = [$"Choose the dose's unit ({allowed})."];
        }
        else
        {
            errors["dose"] = [$"The amount and its unit, e.g. 0.5 mg (units: {allowed})."];
        }

        return (dose, null);
    }

    /// <summary>Hands the list as it will be saved to every <see cref="IMedicineListChangedHandler"/> (they stage alerts).</summary>
    private async Task<List<RaisedAlert>> ListChangedAsync(Patient patient, List<PatientMedicine> current, InteractionScreeningResult result,
        DateTimeOffset now, CancellationToken ct)
    {
        var list = CurrentOf(current, result);
        var added = new List<RaisedAlert>();
        foreach (var handler in listChanged)
        {
            added.AddRange(await handler.MedicineListChangedAsync(patient, list, now, ct));
        }

        return added;
    }

    /// <summary>Current medicines as other features see them, with the class ids the screening recognised.</summary>
    public static List<CurrentMedicine> CurrentOf(List<PatientMedicine> current, InteractionScreeningResult result) =>
        current.Select((m, i) => new CurrentMedicine(m.Id, m.Name, m.DoseText, m.Frequency,
            result.Medicines[i].Classes.Select(c => c.ClassId).Distinct().ToList(), m.RecordedAt)).ToList();

    /// <summary>The stored medicine as its name, dose and frequency (for "0.5 mg, tid (three times a day)").</summary>
    public static MedicineEntryText EntryOf(PatientMedicine m) => new(m.Name, m.DoseText, m.Frequency);

    public static ScreenedMedicine ToScreened(PatientMedicine m) =>
        new(m.Name, m.RxNorm, m.Classes.Split(',', StringSplitOptions.RemoveEmptyEntries));

    public static MedicineView ViewOf(PatientMedicine m, MedicineScreening s) =>
        new(m.Id, m.Name, m.RxNorm, m.Dose, m.Frequency, EntryOf(m).FrequencyInWords, s.Classes.Select(c => c.ClassId).ToList(), s.Outcome.ToString(), s.Summary,
            s.Matches.Select(x => x.Rule.Id).ToList(), s.UnrecognisedClasses, m.Unit, m.Route, m.StartedOn, "current", null, null, null, m.ConcurrencyStamp);

    /// <summary>A stopped or entered-in-error medicine: not screened, counted by no rule.</summary>
    public static MedicineView EndedViewOf(PatientMedicine m) =>
        new(m.Id, m.Name, m.RxNorm, m.Dose, m.Frequency, EntryOf(m).FrequencyInWords, m.Classes.Split(',', StringSplitOptions.RemoveEmptyEntries), "NotScreened",
            m.EnteredInError ? $"Entered in error: {m.EnteredInErrorReason}. Not screened and counted by no rule." : $"Stopped on {m.StoppedOn:yyyy-MM-dd}: {m.StopReason}. Not screened.",
            [], [], m.Unit, m.Route, m.StartedOn, m.EnteredInError ? "entered-in-error" : "stopped", m.StoppedOn, m.StopReason, m.EnteredInErrorReason, m.ConcurrencyStamp);

    /// <summary>Kratom starting or stopping changes what the patient's other medicines interact with.</summary>
    async Task<List<RaisedAlert>> IRegimenChangedHandler.RegimenChangedAsync(Patient patient, DateTimeOffset now, CancellationToken ct) =>
        (await StageAsync(patient, now, ct)).Added;
}
