using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Medicines;
using Speciosa.Web.Alerts;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Medicines;

/// <summary>A medicine to add. <c>name</c> may carry the dose and frequency as a clinician writes them ("alprazolam 0.5 mg tid");
/// <c>dose</c> and <c>frequency</c>, when sent, are kept instead of those read from the name.</summary>
public sealed record MedicineRequest(string? Name, string? RxNorm, IReadOnlyList<string>? Classes, string? Dose = null, string? Frequency = null);

/// <summary>A medicine with its screening answer: InteractionsFound, NoKnownInteraction (classes known, no rule), ClassTooBroad
/// (known only by a class too broad to screen) or NoData (nothing recognised) — the last two say nothing about safety and are
/// shown differently on purpose. Dose and frequency are as the clinician wrote them.</summary>
public sealed record MedicineView(Guid Id, string Name, string? RxNorm, string? Dose, string? Frequency, string? FrequencyInWords,
    IReadOnlyList<string> Classes, string Outcome, string Summary, IReadOnlyList<string> MatchedRules, IReadOnlyList<string> UnrecognisedClasses);

public sealed record MedicineAdded(MedicineView Medicine, int RuleBaseVersion, IReadOnlyList<AlertView> RaisedAlerts);

/// <summary>Screens a patient's current concomitant medicines against the kratom interaction rule base and reconciles the
/// interaction alerts. SEAM: the regimen feature calls <see cref="StageAsync"/> when a regimen (or its lot) is added, with
/// <c>lotWithoutAdulterantScreen</c> from the lot's certificate, then saves with <see cref="AlertBook.SaveAsync"/>.</summary>
public sealed class MedicineScreeningService(SpeciosaDbContext db, IEnumerable<IMedicineListChangedHandler> listChanged) : IRegimenChangedHandler
{
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

    public async Task<List<MedicineView>> ListAsync(Guid patientId, CancellationToken ct)
    {
        var (current, result) = await ScreenCurrentAsync(patientId, ct);
        return current.Select((m, i) => ViewOf(m, result.Medicines[i])).ToList();
    }

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
        if (dose is { Length: > MedicineEntryText.MaxPartLength })
        {
            errors["dose"] = [$"The dose as written, up to {MedicineEntryText.MaxPartLength} characters, or leave it out."];
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
            Id = Guid.NewGuid(), PatientId = patient.Id, Name = entry!.Name, RxNorm = request.RxNorm?.Trim(), Dose = dose, Frequency = frequency,
            Classes = string.Join(",", classes), RecordedAt = now, RecordedByUserId = userId,
        };
        db.PatientMedicines.Add(medicine);
        var (result, current, added, _) = await StageAsync(patient, now, ct);
        added.AddRange(await ListChangedAsync(patient, current, result, now, ct));
        added = await AlertBook.SaveAsync(db, added, async () =>
        {
            var again = await StageAsync(patient, now, ct);
            return [.. again.Added, .. await ListChangedAsync(patient, again.Medicines, again.Result, now, ct)];
        }, ct);
        var index = current.FindIndex(m => m.Id == medicine.Id);
        return (new MedicineAdded(ViewOf(medicine, result.Medicines[index]), result.RuleBaseVersion, added.Select(AlertBook.ViewOf).ToList()), errors);
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
        current.Select((m, i) => new CurrentMedicine(m.Id, m.Name, m.Dose, m.Frequency,
            result.Medicines[i].Classes.Select(c => c.ClassId).Distinct().ToList(), m.RecordedAt)).ToList();

    /// <summary>The stored medicine as its name, dose and frequency (for "0.5 mg, tid (three times a day)").</summary>
    public static MedicineEntryText EntryOf(PatientMedicine m) => new(m.Name, m.Dose, m.Frequency);

    public static ScreenedMedicine ToScreened(PatientMedicine m) =>
        new(m.Name, m.RxNorm, m.Classes.Split(',', StringSplitOptions.RemoveEmptyEntries));

    public static MedicineView ViewOf(PatientMedicine m, MedicineScreening s) =>
        new(m.Id, m.Name, m.RxNorm, m.Dose, m.Frequency, EntryOf(m).FrequencyInWords, s.Classes.Select(c => c.ClassId).ToList(), s.Outcome.ToString(), s.Summary,
            s.Matches.Select(x => x.Rule.Id).ToList(), s.UnrecognisedClasses);

    /// <summary>Kratom starting or stopping changes what the patient's other medicines interact with.</summary>
    async Task<List<RaisedAlert>> IRegimenChangedHandler.RegimenChangedAsync(Patient patient, DateTimeOffset now, CancellationToken ct) =>
        (await StageAsync(patient, now, ct)).Added;
}
