using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;
using Speciosa.Web.Withdrawal;

namespace Speciosa.Web.Portal;

/// <summary>The patient's check-in one question a screen (issue 14 item 3): each answer is saved on the server as it is given
/// (<see cref="CheckInDraft"/>), so sleep, a reload or a lost connection keeps it; the last answer records the SOWS through
/// Withdrawal's <see cref="WithdrawalRecords.RecordAssessmentAsync"/> (patient-reported, scored by the core, waiting for staff
/// review) and removes the draft. The craving scale is one screen of its own.</summary>
public sealed class PortalCheckIn(SpeciosaDbContext db, WithdrawalRecords withdrawal, TimeProvider clock)
{
    public static InstrumentDefinition Instrument => InstrumentCatalog.Default.Get(PortalToday.CheckInInstrument);

    public static InstrumentDefinition Craving => InstrumentCatalog.Default.Get(InstrumentCatalog.CravingVasId);

    public async Task<Dictionary<int, int>> AnswersAsync(Patient patient, CancellationToken ct = default)
    {
        var draft = await db.PortalCheckInDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.PatientId == patient.Id, ct);
        return draft is null || draft.InstrumentId != Instrument.Id
            ? []
            : JsonSerializer.Deserialize<Dictionary<int, int>>(draft.AnswersJson) ?? [];
    }

    /// <summary>Saves one answer; an error names the field "answer" and what is allowed.</summary>
    public async Task<Outcome> SaveAnswerAsync(Patient patient, ClaimsPrincipal user, int step, int? score, CancellationToken ct = default)
    {
        var item = Instrument.Items.FirstOrDefault(i => i.Number == step);
        if (item is null)
        {
            return Outcome.NotFound;
        }

        if (score is not { } s || item.Options.All(o => o.Score != s))
        {
            return Outcome.Invalid("answer", "Choose one of the answers.");
        }

        var draft = await db.PortalCheckInDrafts.FirstOrDefaultAsync(d => d.PatientId == patient.Id, ct);
        var answers = draft is null || draft.InstrumentId != Instrument.Id ? [] : JsonSerializer.Deserialize<Dictionary<int, int>>(draft.AnswersJson) ?? [];
        answers[step] = s;
        var json = JsonSerializer.Serialize(answers);
        if (draft is null)
        {
            db.PortalCheckInDrafts.Add(new CheckInDraft
            {
                PatientId = patient.Id, UserId = user.UserId()!.Value, InstrumentId = Instrument.Id, AnswersJson = json, UpdatedAt = clock.GetUtcNow(),
            });
        }
        else
        {
            draft.InstrumentId = Instrument.Id;
            draft.AnswersJson = json;
            draft.UpdatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>The first question not answered yet, or null when all are.</summary>
    public static int? FirstMissing(IReadOnlyDictionary<int, int> answers) =>
        Instrument.Items.Select(i => (int?)i.Number).FirstOrDefault(n => !answers.ContainsKey(n!.Value));

    /// <summary>Records the check-in from the saved answers (all must be there) and removes the draft.</summary>
    public async Task<(Guid? AssessmentId, Dictionary<string, string[]> Errors)> RecordAsync(Patient patient, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var answers = await AnswersAsync(patient, ct);
        var (recorded, errors) = await RecordWithAsync(patient, user, Instrument.Id, answers, removeDraft: true);
        return (recorded, errors);
    }

    public async Task<(Guid? AssessmentId, Dictionary<string, string[]> Errors)> RecordCravingAsync(Patient patient, ClaimsPrincipal user, int? craving)
    {
        if (craving is not { } c || c < 0 || c > 100)
        {
            return (null, new Dictionary<string, string[]> { ["craving"] = ["Move the slider to a point from 0 to 100."] });
        }

        return await RecordWithAsync(patient, user, Craving.Id, new Dictionary<int, int> { [1] = c }, removeDraft: false);
    }

    private async Task<(Guid? AssessmentId, Dictionary<string, string[]> Errors)> RecordWithAsync(
        Patient patient, ClaimsPrincipal user, string instrument, Dictionary<int, int> answers, bool removeDraft)
    {
        if (removeDraft && await db.PortalCheckInDrafts.FirstOrDefaultAsync(d => d.PatientId == patient.Id) is { } draft)
        {
            // Removed in the assessment's own save, so a recorded check-in never leaves its draft behind.
            db.PortalCheckInDrafts.Remove(draft);
        }

        var (recorded, errors) = await withdrawal.RecordAssessmentAsync(patient, new AssessmentRequest(instrument, answers, null, clock.GetUtcNow(), null), user);
        if (recorded is null)
        {
            db.ChangeTracker.Clear();
        }

        return (recorded?.Assessment.Id, errors);
    }
}
