using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Liver;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Liver;

/// <summary>What a RUCAM worksheet starts from: the worksheet (null when no panel meets the DILI criteria) and why.</summary>
public sealed record RucamStart(RucamWorksheet? Worksheet, string Basis, string? FirstExposure = null);

/// <summary>Prepares an updated-RUCAM worksheet for a patient from the recorded data, with the clinical core's
/// <see cref="RucamWorksheet.Prepare"/>, and applies the clinician's answers with <see cref="RucamWorksheet.Answer"/>.
/// The worksheet is a calculation: nothing is stored.</summary>
public sealed class RucamReview(LiverReview review, IRegimenStatus regimens, SpeciosaDbContext db, KratomHistoryRecords histories)
{
    public async Task<RucamStart> PrepareAsync(Patient patient, CancellationToken ct)
    {
        var evaluation = review.Evaluate(await review.CurrentResultsAsync(patient.Id, ct));
        if (evaluation.DiliOnset is not { } onset || evaluation.RAtOnset is not { } r)
        {
            return new RucamStart(null, "No liver panel meets the DILI criteria (with ALT and ALP to give the R ratio), so there is no liver injury to assess.");
        }

        var regimen = await regimens.ForPatientAsync(patient.Id, ct);
        // Last kratom dose from the dose log; a patient still on a regimen is still taking it. RUCAM item 1 counts from the
        // first exposure (audit E8): the kratom history's first use when staff entered it, else the first logged dose, else
        // the regimen start, each said in the basis.
        var doseTimes = await db.Doses.AsNoTracking().Where(d => d.PatientId == patient.Id).Select(d => d.GivenAt).ToListAsync(ct);
        var history = await histories.FindAsync(patient.Id, ct);
        DateTimeOffset? firstDose;
        string firstFrom;
        if (history is not null)
        {
            firstDose = new DateTimeOffset(history.FirstUseOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            firstFrom = string.Create(CultureInfo.InvariantCulture,
                $"First kratom exposure {history.FirstUseOn:yyyy-MM-dd}, from the patient's kratom history (entered {history.EnteredAt:yyyy-MM-dd}; source: {history.Basis}).");
        }
        else if (doseTimes.Count > 0)
        {
            firstDose = doseTimes.Min();
            firstFrom = string.Create(CultureInfo.InvariantCulture,
                $"First kratom exposure not in the history: the first dose logged in this clinic ({firstDose:yyyy-MM-dd}) is used instead. Kratom taken before enrolment makes the true latency longer; enter the date of first use below.");
        }
        else
        {
            firstDose = regimen.StartedAt;
            firstFrom = firstDose is { } started
                ? string.Create(CultureInfo.InvariantCulture, $"First kratom exposure not in the history and no dose logged: the regimen start ({started:yyyy-MM-dd}) is used instead; enter the date of first use below.")
                : "First kratom exposure not recorded: enter the date of first use below.";
        }

        DateTimeOffset? lastDose = regimen.OnKratomRegimen || doseTimes.Count == 0 ? null : doseTimes.Max();
        var datesKnown = regimen.OnKratomRegimen || doseTimes.Count > 0;
        var onsetDay = DateOnly.FromDateTime(onset.CollectedAt.UtcDateTime);
        var age = onsetDay.Year - patient.DateOfBirth.Year - (onsetDay < patient.DateOfBirth.AddYears(onsetDay.Year - patient.DateOfBirth.Year) ? 1 : 0);
        PatientSex? sex = patient.Sex switch { "female" => PatientSex.Female, "male" => PatientSex.Male, _ => null };
        var form = RucamWorksheet.FormFor(r.Pattern);
        var facts = new RucamFacts(form, firstDose, lastDose, onset.CollectedAt, evaluation.Panels,
            AgeYears: age, Sex: sex, Pregnant: patient.Pregnant);
        var worksheet = RucamWorksheet.Prepare(facts);
        if (!datesKnown)
        {
            // With no regimen and no dose recorded, "still taking" is not known: leave the course after stopping to the clinician.
            worksheet = worksheet with
            {
                Items = worksheet.Items.Select(i => i.Id == "course"
                    ? i with { Selected = null, AnsweredBy = RucamAnsweredBy.Nobody, Basis = $"Kratom start and stop dates are not recorded here ({regimen.Basis}); answer from the history." }
                    : i).ToList(),
            };
        }

        var basis = string.Create(CultureInfo.InvariantCulture,
            $"Onset: first panel meeting the DILI criteria, collected {onset.CollectedAt:yyyy-MM-dd}; R = {r.Value:0.#} ({r.Pattern}), so the {(form == RucamForm.Hepatocellular ? "hepatocellular" : "cholestatic or mixed")} scale applies.");
        return new RucamStart(worksheet, basis, firstFrom);
    }

    /// <summary>Applies the clinician's answers (item id → answer id; empty keeps the item as it is). Problems are keyed by item id.</summary>
    public static (RucamWorksheet Worksheet, Dictionary<string, string[]> Errors) Answer(RucamWorksheet worksheet, IReadOnlyDictionary<string, string> answers)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (itemId, answerId) in answers)
        {
            var item = worksheet.Items.FirstOrDefault(i => i.Id == itemId);
            if (item is null)
            {
                errors[itemId] = [$"No RUCAM item '{itemId}' in the {worksheet.Form} form."];
                continue;
            }

            if (string.IsNullOrEmpty(answerId) || item.Selected?.Id == answerId && item.AnsweredBy == RucamAnsweredBy.Data)
            {
                continue;
            }

            if (item.Options.All(o => o.Id != answerId))
            {
                errors[itemId] = [$"Choose one of the answers listed for item {item.Definition.Number}."];
                continue;
            }

            worksheet = worksheet.Answer(itemId, answerId);
        }

        return (worksheet, errors);
    }
}
