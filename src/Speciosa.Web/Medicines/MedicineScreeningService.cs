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

public sealed record MedicineRequest(string? Name, string? RxNorm, IReadOnlyList<string>? Classes);

/// <summary>A medicine with its screening answer: InteractionsFound, NoKnownInteraction (classes known, no rule) or NoData
/// (nothing recognised: absence of an alert says nothing) — shown differently on purpose.</summary>
public sealed record MedicineView(Guid Id, string Name, string? RxNorm, IReadOnlyList<string> Classes, string Outcome, string Summary,
    IReadOnlyList<string> MatchedRules, IReadOnlyList<string> UnrecognisedClasses);

public sealed record MedicineAdded(MedicineView Medicine, int RuleBaseVersion, IReadOnlyList<AlertView> RaisedAlerts);

/// <summary>Screens a patient's current concomitant medicines against the kratom interaction rule base and reconciles the
/// interaction alerts. SEAM: the regimen feature calls <see cref="StageAsync"/> when a regimen (or its lot) is added, with
/// <c>lotWithoutAdulterantScreen</c> from the lot's certificate, then saves with <see cref="AlertBook.SaveAsync"/>.</summary>
public sealed class MedicineScreeningService(SpeciosaDbContext db) : IRegimenChangedHandler
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
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            errors["name"] = ["The medicine or substance name, 1 to 200 characters."];
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
            Id = Guid.NewGuid(), PatientId = patient.Id, Name = request.Name!.Trim(), RxNorm = request.RxNorm?.Trim(),
            Classes = string.Join(",", classes), RecordedAt = now, RecordedByUserId = userId,
        };
        db.PatientMedicines.Add(medicine);
        var (result, current, added, _) = await StageAsync(patient, now, ct);
        added = await AlertBook.SaveAsync(db, added, async () => (await StageAsync(patient, now, ct)).Added, ct);
        var index = current.FindIndex(m => m.Id == medicine.Id);
        return (new MedicineAdded(ViewOf(medicine, result.Medicines[index]), result.RuleBaseVersion, added.Select(AlertBook.ViewOf).ToList()), errors);
    }

    public static ScreenedMedicine ToScreened(PatientMedicine m) =>
        new(m.Name, m.RxNorm, m.Classes.Split(',', StringSplitOptions.RemoveEmptyEntries));

    public static MedicineView ViewOf(PatientMedicine m, MedicineScreening s) =>
        new(m.Id, m.Name, m.RxNorm, s.Classes.Select(c => c.ClassId).ToList(), s.Outcome.ToString(), s.Summary,
            s.Matches.Select(x => x.Rule.Id).ToList(), s.UnrecognisedClasses);

    /// <summary>Kratom starting or stopping changes what the patient's other medicines interact with.</summary>
    async Task<List<RaisedAlert>> IRegimenChangedHandler.RegimenChangedAsync(Patient patient, DateTimeOffset now, CancellationToken ct) =>
        (await StageAsync(patient, now, ct)).Added;
}
