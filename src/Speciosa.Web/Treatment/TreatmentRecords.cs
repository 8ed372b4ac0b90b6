using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Treatment;
using Speciosa.Web.Alerts;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Treatment;

public sealed record OverdosePreventionRequest(string? Kind, [Http.ClinicalTime] DateOnly? On, bool? Accepted, string? Note);

public sealed record TreatmentDiscussionRequest(
    string? Occasion, [Http.ClinicalTime] DateOnly? DiscussedOn, IReadOnlyList<string>? OptionsDiscussed, string? Decision, string? ChosenOption, string? Reason,
    string? ReferredTo, DateOnly? ReferredOn);

public sealed record FollowUpContactRequest([Http.ClinicalTime] DateOnly? On, bool? Made, string? Mode, string? Note);

public sealed record OverdosePreventionView(Guid Id, string Kind, string KindInWords, DateOnly On, bool? Accepted, string? Note, DateTimeOffset RecordedAt);

public sealed record TreatmentDiscussionView(Guid Id, string Occasion, DateOnly DiscussedOn, IReadOnlyList<string> OptionsDiscussed, string Decision,
    string DecisionInWords, string? ChosenOption, string? Reason, string? ReferredTo, DateOnly? ReferredOn, DateTimeOffset RecordedAt);

public sealed record FollowUpContactView(Guid Id, DateOnly On, bool Made, string? Mode, string? Note, DateTimeOffset RecordedAt);

/// <summary>A loss-of-tolerance event now: what staff read (kind and days) and the patient's plain warning.</summary>
public sealed record ToleranceEventView(string Kind, DateOnly From, DateOnly To, int Days, string Staff);

/// <summary>Everything the treatment page and <c>GET /api/patients/{id}/treatment</c> show.</summary>
public sealed record TreatmentSummary(
    DateOnly Today,
    bool OnRegimen,
    OverdosePreventionFacts Prevention,
    IReadOnlyList<OverdosePreventionView> PreventionRecords,
    IReadOnlyList<TreatmentDiscussionView> Discussions,
    IReadOnlyList<ToleranceEventView> ToleranceEvents,
    FollowUpPlan? FollowUp,
    IReadOnlyList<FollowUpContactView> Contacts,
    TreatmentConfiguration Configuration);

/// <summary>The figures in use, each said to be the clinic's or the software's, and unconfirmed.</summary>
public sealed record TreatmentConfiguration(int MissedDays, bool MissedDaysIsSoftwareDefault, int DecisionReviewDays, bool DecisionReviewIsSoftwareDefault,
    IReadOnlyList<int> FollowUpDays, bool FollowUpIsSoftwareDefault, int FollowUpGraceDays, int ToleranceWarningWindowDays);

public sealed record TreatmentWriteResult(Outcome Outcome, Guid? Id = null, IReadOnlyList<AlertView>? RaisedAlerts = null, int Resolved = 0);

/// <summary>Records and reviews of the Treatment feature: overdose prevention (naloxone, training, test strips), the discussion of
/// medication for opioid use disorder, follow-up contacts after the taper; and the alerts they drive (naloxone missing, loss of
/// tolerance, decision due, contact missed), staged with the record that changes them, on every regimen change and in the sweep.
/// Reads regimens and doses only through <see cref="RegimenQueries"/> and <see cref="IRegimenStatus"/>.</summary>
public sealed class TreatmentRecords(SpeciosaDbContext db, RegimenQueries regimens, IRegimenStatus status, ClinicCalendar calendar,
    IOptions<TreatmentOptions> options) : ISafetyReview, IRegimenChangedHandler
{
    private static readonly string[] NaloxoneRules = [TreatmentAlertRules.NaloxoneMissing.Id];
    private static readonly string[] MoudRules = [TreatmentAlertRules.MoudDecisionDue.Id];
    private static readonly string[] FollowUpRules = [TreatmentAlertRules.FollowUpContactMissed.Id];

    private TreatmentOptions Settings => options.Value;

    public TreatmentConfiguration Configuration()
    {
        var s = Settings;
        return new(s.Tolerance.MissedDays, s.Tolerance.IsSoftwareDefault, s.MoudReview.ReviewDays, s.MoudReview.IsSoftwareDefault,
            s.FollowUp.DaysAfterTaperEnd, s.FollowUp.IsSoftwareDefault, s.FollowUp.GraceDays, ToleranceWatch.WarningWindowDays);
    }

    public async Task<TreatmentSummary> SummaryAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        var today = (await calendar.ZoneOfPatientAsync(patient.Id, ct)).Today(now);
        var records = await db.OverdosePreventionRecords.AsNoTracking().Where(r => r.PatientId == patient.Id).ToListAsync(ct);
        var discussions = await db.TreatmentDiscussions.AsNoTracking().Where(r => r.PatientId == patient.Id).ToListAsync(ct);
        var contacts = await db.FollowUpContacts.AsNoTracking().Where(r => r.PatientId == patient.Id).ToListAsync(ct);
        var onRegimen = (await status.ForPatientAsync(patient.Id, ct)).OnKratomRegimen;
        var (events, plan) = await ToleranceAndFollowUpAsync(patient.Id, today, contacts, ct);
        var alerts = ToleranceWatch.Alerts(events, Settings.Tolerance, today);
        return new TreatmentSummary(today, onRegimen, FactsOf(records),
            records.OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.RecordedAt).Select(ViewOf).ToList(),
            discussions.OrderByDescending(d => d.DiscussedOn).ThenByDescending(d => d.RecordedAt).Select(ViewOf).ToList(),
            events.Select((e, i) => new ToleranceEventView(e.Kind.ToString(), e.From, e.To, e.Days, alerts[i].Message)).ToList(),
            plan?.Plan,
            contacts.OrderByDescending(c => c.ContactOn).ThenByDescending(c => c.RecordedAt).Select(ViewOf).ToList(),
            Configuration());
    }

    public async Task<TreatmentWriteResult> RecordPreventionAsync(Patient patient, OverdosePreventionRequest request, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var today = (await calendar.ZoneOfPatientAsync(patient.Id, ct)).Today(now);
        var errors = new Dictionary<string, string[]>();
        if (request.Kind is null || !OverdosePreventionKinds.All.Contains(request.Kind))
        {
            errors["kind"] = [$"What was done: {string.Join(", ", OverdosePreventionKinds.All)}."];
        }

        CheckDay(errors, "on", request.On, today, "The day it was done");
        if (request.Kind == OverdosePreventionKinds.TestStripsOffered && request.Accepted is null)
        {
            errors["accepted"] = ["Whether the patient took the test strips (yes or no)."];
        }
        else if (request.Kind is OverdosePreventionKinds.NaloxoneSupplied or OverdosePreventionKinds.NaloxoneTraining && request.Accepted is not null)
        {
            errors["accepted"] = ["Only for fentanyl test strips; leave it empty for naloxone."];
        }

        CheckNote(errors, request.Note);
        if (errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        var record = new OverdosePreventionRecord
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, Kind = request.Kind!, OccurredOn = request.On!.Value, Accepted = request.Accepted,
            Note = Trimmed(request.Note), RecordedAt = now, RecordedByUserId = userId,
        };
        db.OverdosePreventionRecords.Add(record);
        return await SaveWithAlertsAsync(patient, now, record.Id, ct);
    }

    public async Task<TreatmentWriteResult> RecordDiscussionAsync(Patient patient, TreatmentDiscussionRequest request, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var today = (await calendar.ZoneOfPatientAsync(patient.Id, ct)).Today(now);
        var entry = new TreatmentDiscussionEntry(request.Occasion, request.DiscussedOn, request.OptionsDiscussed?.Select(o => o.Trim()).Distinct().ToList(),
            request.Decision, string.IsNullOrWhiteSpace(request.ChosenOption) ? null : request.ChosenOption.Trim(), request.Reason, request.ReferredTo, request.ReferredOn);
        var errors = TreatmentDiscussionValidation.Validate(entry, today);
        if (request.ReferredOn is { } referred && referred > today.AddDays(366))
        {
            errors["referredOn"] = ["The referral day, at most a year ahead."];
        }

        if (errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        var discussion = new TreatmentDiscussion
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, Occasion = entry.Occasion!, DiscussedOn = entry.DiscussedOn!.Value,
            OptionsDiscussed = string.Join(",", entry.OptionsDiscussed!), Decision = entry.Decision!, ChosenOption = entry.ChosenOption,
            Reason = Trimmed(entry.Reason), ReferredTo = Trimmed(entry.ReferredTo), ReferredOn = entry.ReferredOn, RecordedAt = now, RecordedByUserId = userId,
        };
        db.TreatmentDiscussions.Add(discussion);
        return await SaveWithAlertsAsync(patient, now, discussion.Id, ct);
    }

    public async Task<TreatmentWriteResult> RecordContactAsync(Patient patient, FollowUpContactRequest request, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var today = (await calendar.ZoneOfPatientAsync(patient.Id, ct)).Today(now);
        var errors = new Dictionary<string, string[]>();
        CheckDay(errors, "on", request.On, today, "The day of the contact");
        if (request.Made is null)
        {
            errors["made"] = ["Whether contact was made (true) or tried and missed (false)."];
        }

        if (request.Mode is { } mode && !FollowUpModes.All.Contains(mode))
        {
            errors["mode"] = [$"How: {string.Join(", ", FollowUpModes.All)}, or leave it out."];
        }

        CheckNote(errors, request.Note);
        if (errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        var contact = new FollowUpContact
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, ContactOn = request.On!.Value, Made = request.Made!.Value, Mode = request.Mode,
            Note = Trimmed(request.Note), RecordedAt = now, RecordedByUserId = userId,
        };
        db.FollowUpContacts.Add(contact);
        return await SaveWithAlertsAsync(patient, now, contact.Id, ct);
    }

    /// <summary>Stages every rule of the feature for one patient: naloxone and the decision review are reconciled (a record clears
    /// them); loss-of-tolerance and missed-contact warnings are raised once per event (a resolved one is not raised again).</summary>
    public async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> StageAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        var zone = await calendar.ZoneOfPatientAsync(patient.Id, ct);
        var today = zone.Today(now);
        var added = new List<RaisedAlert>();
        var resolved = new List<RaisedAlert>();

        await db.OverdosePreventionRecords.Where(r => r.PatientId == patient.Id).LoadAsync(ct);
        var facts = FactsOf(db.OverdosePreventionRecords.Local.Where(r => r.PatientId == patient.Id));
        var regimen = await status.ForPatientAsync(patient.Id, ct);
        Add(await AlertBook.ReconcileAsync(db, patient, NaloxoneRules,
            NaloxoneCheck.Evaluate(patient.Id, regimen.OnKratomRegimen, regimen.Basis, facts), now, ct));

        if (patient.Status == PatientVocabulary.Active)
        {
            await db.TreatmentDiscussions.Where(r => r.PatientId == patient.Id).LoadAsync(ct);
            var last = db.TreatmentDiscussions.Local.Where(d => d.PatientId == patient.Id).Select(d => (DateOnly?)d.DiscussedOn).Max();
            Add(await AlertBook.ReconcileAsync(db, patient, MoudRules,
                MoudDecisionReview.Evaluate(patient.Id, zone.Today(patient.CreatedAt), last, today, Settings.MoudReview), now, ct));
        }

        await db.FollowUpContacts.Where(r => r.PatientId == patient.Id).LoadAsync(ct);
        var contacts = db.FollowUpContacts.Local.Where(c => c.PatientId == patient.Id).ToList();
        var (events, plan) = await ToleranceAndFollowUpAsync(patient.Id, today, contacts, ct);
        added.AddRange(await AddOnceAsync(patient, ToleranceWatch.Alerts(events, Settings.Tolerance, today), now, ct));
        var missed = plan is { } p ? FollowUpSchedule.Alerts(p.RegimenId.ToString(), p.Plan, Settings.FollowUp, today) : [];
        Add(await ReconcileUnlessResolvedByHandAsync(patient, FollowUpRules, missed, now, ct));
        return (added, resolved);

        void Add((List<RaisedAlert> Added, List<RaisedAlert> Resolved) r)
        {
            added.AddRange(r.Added);
            resolved.AddRange(r.Resolved);
        }
    }

    Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> ISafetyReview.ReviewAsync(Patient patient, DateTimeOffset now, CancellationToken ct) =>
        StageAsync(patient, now, ct);

    async Task<List<RaisedAlert>> IRegimenChangedHandler.RegimenChangedAsync(Patient patient, DateTimeOffset now, CancellationToken ct) =>
        (await StageAsync(patient, now, ct)).Added;

    private async Task<(IReadOnlyList<ToleranceEvent> Events, (Guid RegimenId, FollowUpPlan Plan)? FollowUp)> ToleranceAndFollowUpAsync(
        Guid patientId, DateOnly today, IReadOnlyList<FollowUpContact> contacts, CancellationToken ct)
    {
        var all = await regimens.RegimensOfAsync(patientId, ct);
        if (all.Count == 0)
        {
            return ([], null);
        }

        var watched = all.Select(r => new WatchedRegimen(r.RegimenId.ToString(), r.Version, r.Order)).ToList();
        var doseDays = await regimens.DoseDaysAsync(patientId, today.AddDays(-ToleranceWatch.LookBackDays), today, ct);
        var events = ToleranceWatch.Events(watched, doseDays, today, Settings.Tolerance);
        var ended = all.Select(r => (r.RegimenId, Zero: ToleranceWatch.ZeroDay(r.Order))).Where(r => r.Zero is { } z && z <= today)
            .OrderBy(r => r.Zero).LastOrDefault();
        if (ended.Zero is not { } zero)
        {
            return (events, null);
        }

        var plan = FollowUpSchedule.Plan(zero, contacts.Select(c => new FollowUpContactRecord(c.ContactOn, c.Made)).ToList(), today, Settings.FollowUp);
        return (events, (ended.RegimenId, plan));
    }

    /// <summary>Reconciles a rule whose condition can clear (a late contact recorded in its window), except that a condition a
    /// person already resolved is not raised again.</summary>
    private async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> ReconcileUnlessResolvedByHandAsync(
        Patient patient, string[] rules, IReadOnlyList<Alert> raised, DateTimeOffset now, CancellationToken ct)
    {
        var handled = (await db.Alerts.AsNoTracking().Where(a => a.PatientId == patient.Id && rules.Contains(a.RuleId)
                && a.Status == AlertStatus.Resolved && a.ResolvedByUserId != null)
            .Select(a => new { a.RuleId, a.ConditionKey }).ToListAsync(ct)).Select(a => (a.RuleId, a.ConditionKey)).ToHashSet();
        return await AlertBook.ReconcileAsync(db, patient, rules, raised.Where(a => !handled.Contains((a.Rule.Id, a.ConditionKey))).ToList(), now, ct);
    }

    private async Task<List<RaisedAlert>> AddOnceAsync(Patient patient, IReadOnlyList<Alert> raised, DateTimeOffset now, CancellationToken ct)
    {
        if (raised.Count == 0)
        {
            return [];
        }

        var rules = raised.Select(a => a.Rule.Id).Distinct().ToList();
        var seen = (await db.Alerts.AsNoTracking().Where(a => a.PatientId == patient.Id && rules.Contains(a.RuleId))
            .Select(a => new { a.RuleId, a.ConditionKey }).ToListAsync(ct)).Select(a => (a.RuleId, a.ConditionKey)).ToHashSet();
        return await AlertBook.AddNewAsync(db, patient, raised.Where(a => !seen.Contains((a.Rule.Id, a.ConditionKey))).ToList(), now, ct);
    }

    private async Task<TreatmentWriteResult> SaveWithAlertsAsync(Patient patient, DateTimeOffset now, Guid id, CancellationToken ct)
    {
        var (added, resolved) = await StageAsync(patient, now, ct);
        added = await AlertBook.SaveAsync(db, added, async () => (await StageAsync(patient, now, ct)).Added, ct);
        return new(Outcome.Done, id, added.Select(AlertBook.ViewOf).ToList(), resolved.Count);
    }

    private static OverdosePreventionFacts FactsOf(IEnumerable<OverdosePreventionRecord> records)
    {
        var list = records.ToList();
        DateOnly? Newest(string kind) => list.Where(r => r.Kind == kind).Select(r => (DateOnly?)r.OccurredOn).Max();
        return new OverdosePreventionFacts(Newest(OverdosePreventionKinds.NaloxoneSupplied), Newest(OverdosePreventionKinds.NaloxoneTraining),
            Newest(OverdosePreventionKinds.TestStripsOffered));
    }

    private static void CheckDay(Dictionary<string, string[]> errors, string field, DateOnly? day, DateOnly today, string what)
    {
        if (day is not { } d)
        {
            errors[field] = [$"{what} (yyyy-MM-dd)."];
        }
        else if (d > today)
        {
            errors[field] = [$"{what} cannot be in the future (today is {today:yyyy-MM-dd} at the clinic)."];
        }
        else if (d < today.AddYears(-10))
        {
            errors[field] = [$"{what}, within the last 10 years."];
        }
    }

    private static void CheckNote(Dictionary<string, string[]> errors, string? note)
    {
        if (note is { Length: > 500 })
        {
            errors["note"] = ["At most 500 characters."];
        }
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static OverdosePreventionView ViewOf(OverdosePreventionRecord r) =>
        new(r.Id, r.Kind, OverdosePreventionKinds.InWords(r.Kind), r.OccurredOn, r.Accepted, r.Note, r.RecordedAt);

    public static TreatmentDiscussionView ViewOf(TreatmentDiscussion d) =>
        new(d.Id, d.Occasion, d.DiscussedOn, d.OptionsDiscussed.Split(',', StringSplitOptions.RemoveEmptyEntries), d.Decision,
            MoudDecisions.InWords(d.Decision), d.ChosenOption, d.Reason, d.ReferredTo, d.ReferredOn, d.RecordedAt);

    public static FollowUpContactView ViewOf(FollowUpContact c) => new(c.Id, c.ContactOn, c.Made, c.Mode, c.Note, c.RecordedAt);
}
