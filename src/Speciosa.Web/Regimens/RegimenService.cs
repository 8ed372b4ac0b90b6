using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Speciosa.Clinical.Regimens;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Jurisdictions;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;
using Speciosa.Web.Withdrawal;
using Speciosa.Web.Clinics;

namespace Speciosa.Web.Regimens;

/// <summary>A regimen write: its <see cref="Outcome"/> (a legal refusal or warning is <see cref="OutcomeKind.Refused"/>
/// with its problem type), the regimen as saved, and the legal decision it was made under.</summary>
public sealed record RegimenWriteResult(Outcome Outcome, Regimen? Regimen = null, EnforcementDecision? Decision = null)
{
    /// <summary>The law refused it, or its warnings await confirmation.</summary>
    public static RegimenWriteResult Legal(EnforcementDecision decision, bool refused) =>
        new(LegalReasons.Refusal(decision, refused), Decision: decision);
}

/// <summary>Creates and amends regimens. Every write is a new <see cref="RegimenVersion"/> (who, when, why) that
/// passed <see cref="RegimenOrderValidation"/> and the jurisdiction decision: Refuse is never saved; WarnAndConfirm is
/// saved only with the clinician's confirmation, recorded on the version with the warnings confirmed.</summary>
public sealed class RegimenService(
    SpeciosaDbContext db,
    RegimenLegal legal,
    ClinicCalendar calendar,
    RegimenSafetyReview safety,
    JudgedGrams judged,
    TimeProvider clock)
{
    public Task<Patient?> FindPatientAsync(ClaimsPrincipal user, Guid patientId, CancellationToken ct = default) =>
        db.Patients.VisibleTo(user).FirstOrDefaultAsync(p => p.Id == patientId, ct);

    public Task<Regimen?> FindRegimenAsync(Patient patient, Guid regimenId, CancellationToken ct = default) =>
        db.Regimens.FirstOrDefaultAsync(r => r.Id == regimenId && r.PatientId == patient.Id, ct);

    public Task<RegimenWriteResult> CreateAsync(ClaimsPrincipal user, Patient patient, RegimenRequest request, CancellationToken ct = default) =>
        WriteAsync(user, patient, null, request, ct);

    public async Task<RegimenWriteResult> AmendAsync(ClaimsPrincipal user, Patient patient, Guid regimenId, RegimenRequest request, CancellationToken ct = default)
    {
        var regimen = await FindRegimenAsync(patient, regimenId, ct);
        return regimen is null ? new(Outcome.NotFound) : await WriteAsync(user, patient, regimen, request, ct);
    }

    /// <summary>A generated-then-edited taper calendar becomes part of a new version; the rest of the order is unchanged.</summary>
    public async Task<RegimenWriteResult> SaveTaperAsync(ClaimsPrincipal user, Patient patient, Guid regimenId, TaperSaveRequest request, CancellationToken ct = default)
    {
        var regimen = await FindRegimenAsync(patient, regimenId, ct);
        if (regimen is null)
        {
            return new(Outcome.NotFound);
        }

        var current = await CurrentVersionAsync(regimen, ct);
        var order = RegimenJson.OrderOf(current);
        var amended = RequestOf(current, order) with
        {
            Taper = request.Taper ?? new TaperCalendarDto(null),
            Reason = request.Reason,
            ConcurrencyStamp = request.ConcurrencyStamp,
            ConfirmLegalWarning = request.ConfirmLegalWarning,
        };
        return await WriteAsync(user, patient, regimen, amended, ct);
    }

    /// <summary>The current version as a request, for forms that change one part of the order.</summary>
    public static RegimenRequest RequestOf(RegimenVersion v, RegimenOrder order) =>
        new(v.ProductId, v.LotId, v.GramsPerAdministration, v.MaxAdministrationsPerDay, v.MaxGramsPerDay, v.StartDate, v.EndDate,
            order.Breaks.Select(b => new BreakDto(b.FirstDay, b.LastDay, b.Reason)).ToList(),
            order.Titration is { } t ? new TitrationDto(StepsOf(t)) : null,
            order.Taper is { } taper ? TaperDtoOf(taper) : null);

    public static IReadOnlyList<TitrationStepDto> StepsOf(TitrationPlan? plan) =>
        (plan?.Steps ?? []).Select(s => new TitrationStepDto(s.GramsPerAdministration, s.DaysAfterPreviousStep,
            s.HoldUntil?.Scale.ToString().ToLowerInvariant(), s.HoldUntil is { } h ? RegimenRequestReader.Code(h.Comparison) : null,
            s.HoldUntil?.Threshold)).ToList();

    /// <summary>The calendar as the API shows it. Settings generated before the CDC method asked for the duration of use
    /// are not shown as generator settings (they are incomplete; a save must carry complete ones), so a regimen with such a
    /// calendar can still be amended; its entries and their basis are kept as they are.</summary>
    public static TaperCalendarDto TaperDtoOf(TaperCalendar taper) =>
        new(taper.Entries.Select(e => new TaperEntryDto(e.StartsOn, e.GramsPerDay, e.Basis)).ToList(), taper.IncreasesAllowed,
            taper.GeneratedFrom is { } g && (g.Method != TaperMethod.Cdc2022TwoPhase || g.UseDuration is not null)
                ? new TaperSettingsDto(g.Method.ToString(), g.StartDate, g.StartingGramsPerDay, g.RoundingStepGrams, g.WeeklyReduction * 100m, g.UseDuration?.ToString())
                : null);

    private async Task<RegimenWriteResult> WriteAsync(ClaimsPrincipal user, Patient patient, Regimen? existing, RegimenRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            errors["reason"] = ["Say why (1 to 1000 characters): every version keeps who, when and why."];
        }

        if (existing is not null && request.ConcurrencyStamp is null)
        {
            errors["concurrencyStamp"] = ["Send the concurrencyStamp of the version you read."];
        }

        if (request.ProductId is not { } productId)
        {
            errors["productId"] = ["Choose a product of your clinic."];
        }
        else if (!await db.Products.AnyAsync(p => p.Id == productId && p.ClinicId == patient.ClinicId, ct))
        {
            errors["productId"] = ["No such product in your clinic."];
        }
        else if (request.LotId is { } lotId
            && !await db.Lots.AnyAsync(l => l.Id == lotId && l.ClinicId == patient.ClinicId && l.ProductId == productId && l.State == LotState.Released, ct))
        {
            errors["lotId"] = ["Order a released lot of this product, or leave the lot empty for any released lot of it."];
        }

        var order = RegimenRequestReader.Read(request, request.LotId, errors);
        if (order is not null && errors.Count == 0)
        {
            await judged.CheckAsync(patient.ClinicId, request.ProductId!.Value, request.LotId, order.MaxGramsPerDay, errors, ct);
        }

        if (order is null || errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        if (existing is not null && existing.ConcurrencyStamp != request.ConcurrencyStamp)
        {
            return new(Outcome.Stale("The regimen changed since you read it; reload and amend again."));
        }

        var decision = await legal.DecideAsync(patient, request.LotId, ct);
        if (decision.Outcome == EnforcementOutcome.Refuse)
        {
            return RegimenWriteResult.Legal(decision, refused: true);
        }

        if (decision.Outcome == EnforcementOutcome.WarnAndConfirm && !request.ConfirmLegalWarning)
        {
            return RegimenWriteResult.Legal(decision, refused: false);
        }

        var now = clock.GetUtcNow();
        var userId = user.UserId() ?? throw new InvalidOperationException("Signed-in user without id.");
        var regimen = existing ?? new Regimen
        {
            Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, CreatedAt = now, CreatedBy = userId,
        };
        var version = new RegimenVersion
        {
            Id = Guid.NewGuid(), RegimenId = regimen.Id, Version = regimen.CurrentVersion + 1, ProductId = request.ProductId!.Value,
            LotId = request.LotId, GramsPerAdministration = order.GramsPerAdministration, MaxAdministrationsPerDay = order.MaxAdministrationsPerDay,
            MaxGramsPerDay = order.MaxGramsPerDay, StartDate = order.StartDate, EndDate = order.EndDate,
            BreaksJson = RegimenJson.Write(order.Breaks), TitrationJson = order.Titration is null ? null : RegimenJson.Write(order.Titration),
            TaperJson = order.Taper is null ? null : RegimenJson.Write(order.Taper), Reason = reason!, AuthoredBy = userId, AuthoredAt = now,
            LegalOutcome = decision.Outcome.ToString(),
        };
        if (decision.Outcome == EnforcementOutcome.WarnAndConfirm)
        {
            version.LegalWarningsJson = RegimenJson.Write(RegimenLegal.Views(decision.Warnings));
            version.LegalConfirmedBy = userId;
            version.LegalConfirmedAt = now;
        }

        regimen.ProductId = version.ProductId;
        regimen.LotId = version.LotId;
        regimen.StartDate = version.StartDate;
        regimen.EndDate = version.EndDate;
        regimen.CurrentVersion = version.Version;
        regimen.ConcurrencyStamp = Guid.NewGuid();
        if (existing is null)
        {
            db.Regimens.Add(regimen);
        }

        db.RegimenVersions.Add(version);
        // The regimen and the safety alerts it changes (pregnancy, liver schedule, interactions) commit together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (existing is not null)
        {
            db.ChangeTracker.Clear();
            return new(Outcome.Stale("Someone amended the regimen at the same time; reload and amend again."));
        }

        async Task<List<RaisedAlert>> StageAsync() =>
            [.. await safety.StageAsync(patient, now, ct), .. (await StageTitrationPromptAsync(patient, regimen, now, ct)).Added];
        await AlertBook.SaveAsync(db, await StageAsync(), StageAsync, ct);
        await tx.CommitAsync(ct);

        return new(Outcome.Done, regimen, decision);
    }

    public Task<RegimenVersion> CurrentVersionAsync(Regimen regimen, CancellationToken ct = default) =>
        db.RegimenVersions.AsNoTracking().FirstAsync(v => v.RegimenId == regimen.Id && v.Version == regimen.CurrentVersion, ct);

    public async Task<IReadOnlyList<RegimenView>> ListAsync(Patient patient, CancellationToken ct = default)
    {
        var regimens = await db.Regimens.AsNoTracking().Where(r => r.PatientId == patient.Id).ToListAsync(ct);
        var views = new List<RegimenView>();
        foreach (var r in regimens.OrderByDescending(r => r.StartDate).ThenByDescending(r => r.CreatedAt))
        {
            views.Add(await ViewAsync(patient, r, ct));
        }

        return views;
    }

    /// <summary>The patient's newest regimen (the first of <see cref="ListAsync"/>) alone, or null: the overview shows only
    /// this one, so it does not read every older regimen's versions (issue 17).</summary>
    public async Task<RegimenView?> CurrentAsync(Patient patient, CancellationToken ct = default)
    {
        var regimens = await db.Regimens.AsNoTracking().Where(r => r.PatientId == patient.Id).ToListAsync(ct);
        return regimens.OrderByDescending(r => r.StartDate).ThenByDescending(r => r.CreatedAt).FirstOrDefault() is { } newest
            ? await ViewAsync(patient, newest, ct) : null;
    }

    public async Task<RegimenView> ViewAsync(Patient patient, Regimen regimen, CancellationToken ct = default)
    {
        var versions = await db.RegimenVersions.AsNoTracking().Where(v => v.RegimenId == regimen.Id).ToListAsync(ct);
        versions = versions.OrderByDescending(v => v.Version).ToList();
        var productIds = versions.Select(v => v.ProductId).Distinct().ToList();
        var lotIds = versions.Where(v => v.LotId != null).Select(v => v.LotId!.Value).Distinct().ToList();
        var userIds = versions.Select(v => v.AuthoredBy).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var lots = lotIds.Count == 0 ? []
            : await db.Lots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.LotCode, ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var views = versions.Select(v =>
        {
            var order = RegimenJson.OrderOf(v);
            return new RegimenVersionView(v.Version, v.ProductId, products.GetValueOrDefault(v.ProductId, "?"), v.LotId,
                v.LotId is { } l ? lots.GetValueOrDefault(l) : null, v.GramsPerAdministration, v.MaxAdministrationsPerDay, v.MaxGramsPerDay,
                v.StartDate, v.EndDate, order.Breaks.Select(b => new BreakDto(b.FirstDay, b.LastDay, b.Reason)).ToList(),
                StepsOf(order.Titration), order.Taper is { } t ? TaperDtoOf(t) : null, v.Reason, v.AuthoredBy,
                users.GetValueOrDefault(v.AuthoredBy, "?"), v.AuthoredAt, v.LegalOutcome,
                RegimenJson.Read<List<LegalReasonView>>(v.LegalWarningsJson) ?? [], v.LegalConfirmedBy, v.LegalConfirmedAt);
        }).ToList();

        var zone = (await calendar.ZoneAsync(patient.ClinicId, ct)).Zone;
        var today = ClinicDay.Of(clock.GetUtcNow(), zone);
        var current = versions[0];
        var currentOrder = RegimenJson.OrderOf(current);
        var scores = await ScoreReadingsAsync(patient.Id, ct);
        var decisionRows = await db.TitrationDecisions.AsNoTracking().Where(d => d.RegimenId == regimen.Id).ToListAsync(ct);
        var decisions = decisionRows.Select(CoreDecision).ToList();
        TitrationView? titration = null;
        if (currentOrder.Titration is { Steps.Count: > 0 })
        {
            var status = TitrationSchedule.Evaluate(currentOrder, today, scores, zone, decisions);
            var deciders = decisionRows.Select(d => d.DecidedBy).Distinct().ToList();
            var names = deciders.Count == 0 ? []
                : await db.Users.AsNoTracking().Where(u => deciders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            titration = new TitrationView(status.Current?.StepNumber ?? 0, status.Current?.GramsPerAdministration ?? currentOrder.GramsPerAdministration,
                status.Current?.StartedOn ?? currentOrder.StartDate, status.Next?.StepNumber, status.Next?.GramsPerAdministration, status.Next?.DueOn,
                status.Next?.HoldUntil?.ToString(), status.Next?.HeldBecause, status.IsComplete,
                status.Next?.AwaitingDecision ?? false, (status.Next?.Readings ?? []).Select(ReadingOf).ToList(),
                decisionRows.OrderByDescending(d => d.DecidedAt).Select(d => new TitrationDecisionView(d.Id, d.StepNumber, d.GramsPerAdministration,
                    d.Confirmed, d.DecidedBy, names.GetValueOrDefault(d.DecidedBy, "?"), d.DecidedAt, d.RegimenVersion,
                    RegimenJson.Read<List<ReadingView>>(d.ReadingsJson) ?? [], d.Reason)).ToList());
        }

        var active = currentOrder.Covers(today);
        DayLimitsView? limits = null;
        if (active)
        {
            var d = DayLimits.On(currentOrder, today, scores, zone, decisions);
            limits = new DayLimitsView(d.Day, d.GramsPerAdministration, d.GramsPerAdministrationBasis, d.MaxAdministrations, d.MaxGramsPerDay, d.MaxGramsPerDayBasis);
        }

        var demo = await db.Clinics.AsNoTracking().Where(c => c.Id == patient.ClinicId).Select(c => c.IsDemo).FirstOrDefaultAsync(ct);
        return new RegimenView(regimen.Id, regimen.PatientId, regimen.ConcurrencyStamp, active, today, views[0], views, titration, limits, demo);
    }

    public static TitrationDecision CoreDecision(TitrationDecisionRecord d) => new(d.StepNumber, d.GramsPerAdministration, d.Confirmed, d.DecidedAt);

    public static ReadingView ReadingOf(ScoreReading r) =>
        new(r.Scale == WithdrawalScale.Cows ? "COWS" : "SOWS", r.Total, r.TakenAt, r.RatedBy.ToString());

    /// <summary>The clinician's decisions on titration steps of a regimen, as the core reads them.</summary>
    public async Task<IReadOnlyList<TitrationDecision>> DecisionsAsync(Guid regimenId, CancellationToken ct = default) =>
        (await db.TitrationDecisions.AsNoTracking().Where(d => d.RegimenId == regimenId).ToListAsync(ct)).Select(CoreDecision).ToList();

    /// <summary>Re-evaluates the "step due" prompt of one regimen as of now and stages (does not save) the alert: raised
    /// while a step awaits a decision, resolved once it is decided or no longer due.</summary>
    public async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> StageTitrationPromptAsync(
        Patient patient, Regimen regimen, DateTimeOffset now, CancellationToken ct)
    {
        var version = await db.RegimenVersions.AsNoTracking().FirstOrDefaultAsync(v => v.RegimenId == regimen.Id && v.Version == regimen.CurrentVersion, ct);
        var raised = new List<Speciosa.Clinical.Alerts.Alert>();
        var prefix = $"patient/{patient.Id}/dosing:titration-due:{regimen.Id}:";
        if (version is not null)
        {
            var order = RegimenJson.OrderOf(version);
            var zone = (await calendar.ZoneAsync(patient.ClinicId, ct)).Zone;
            var today = ClinicDay.Of(now, zone);
            if (order.Titration is { Steps.Count: > 0 } && order.Covers(today))
            {
                var status = TitrationSchedule.Evaluate(order, today, await ScoreReadingsAsync(patient.Id, ct), zone, await DecisionsAsync(regimen.Id, ct));
                if (TitrationPrompt.For(status, regimen.Id.ToString()) is { } prompt)
                {
                    raised.Add(prompt with { ConditionKey = $"patient/{patient.Id}/{prompt.ConditionKey}" });
                }
            }
        }

        return await AlertBook.ReconcileAsync(db, patient, [DosingAlertRules.TitrationStepDue.Id], raised, now, ct, prefix);
    }

    /// <summary>A clinician confirms or declines the titration step that is due now. Only the step awaiting a decision
    /// may be decided (409 otherwise); a decline needs a reason. The decision (who, when, version, the staff-rated readings
    /// behind it, the reason) and the prompt's resolution commit together, serialised per regimen.</summary>
    public async Task<RegimenWriteResult> DecideStepAsync(ClaimsPrincipal user, Patient patient, Guid regimenId, TitrationDecisionRequest request, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var confirm = string.Equals(request.Decision, "confirm", StringComparison.OrdinalIgnoreCase);
        if (!confirm && !string.Equals(request.Decision, "decline", StringComparison.OrdinalIgnoreCase))
        {
            errors["decision"] = ["Say confirm or decline."];
        }

        if (request.StepNumber is not > 0)
        {
            errors["stepNumber"] = ["Name the step you decide on (1 or more)."];
        }

        var reason = request.Reason?.Trim();
        if (!confirm && errors.Count == 0 && (string.IsNullOrEmpty(reason) || reason.Length > 1000))
        {
            errors["reason"] = ["Say why you decline the step (1 to 1000 characters)."];
        }

        if (reason is { Length: > 1000 })
        {
            errors["reason"] = ["At most 1000 characters."];
        }

        if (errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        await using var serialised = await db.BeginSerialisedAsync("titration", regimenId.ToString(), ct);
        var regimen = await FindRegimenAsync(patient, regimenId, ct);
        if (regimen is null)
        {
            return new(Outcome.NotFound);
        }

        var version = await CurrentVersionAsync(regimen, ct);
        var order = RegimenJson.OrderOf(version);
        var now = clock.GetUtcNow();
        var zone = (await calendar.ZoneAsync(patient.ClinicId, ct)).Zone;
        var today = ClinicDay.Of(now, zone);
        var status = TitrationSchedule.Evaluate(order, today, await ScoreReadingsAsync(patient.Id, ct), zone, await DecisionsAsync(regimen.Id, ct));
        if (status.Next is not { AwaitingDecision: true } next || next.StepNumber != request.StepNumber || !order.Covers(today))
        {
            return new(Outcome.Conflict(status.Next is { AwaitingDecision: true } due
                ? $"Step {due.StepNumber} is the step awaiting a decision, not step {request.StepNumber}; reload."
                : "No titration step is awaiting a decision now; reload."));
        }

        db.TitrationDecisions.Add(new TitrationDecisionRecord
        {
            Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, RegimenId = regimen.Id, RegimenVersion = version.Version,
            StepNumber = next.StepNumber, GramsPerAdministration = next.GramsPerAdministration, Confirmed = confirm,
            DecidedBy = user.UserId() ?? throw new InvalidOperationException("Signed-in user without id."), DecidedAt = now,
            ReadingsJson = RegimenJson.Write(next.Readings.Select(ReadingOf).ToList()), Reason = confirm ? (string.IsNullOrEmpty(reason) ? null : reason) : reason,
        });
        await db.SaveChangesAsync(ct);
        async Task<List<RaisedAlert>> StageAsync() => (await StageTitrationPromptAsync(patient, regimen, now, ct)).Added;
        await AlertBook.SaveAsync(db, await StageAsync(), StageAsync, ct);
        await serialised.CommitAsync(ct);
        return new(Outcome.Done, regimen);
    }

    /// <summary>COWS and SOWS (Handelsman) totals for titration holds and the chart, each marked staff- or patient-rated
    /// (a patient's own report never meets a hold).</summary>
    public async Task<IReadOnlyList<ScoreReading>> ScoreReadingsAsync(Guid patientId, CancellationToken ct = default) =>
        (await db.Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && (a.InstrumentId == "cows" || a.InstrumentId == "sows-handelsman"))
            .Select(a => new { a.InstrumentId, a.AssessedAt, a.Total, a.PatientReported })
            .ToListAsync(ct))
        .Select(a => new ScoreReading(a.InstrumentId == "cows" ? WithdrawalScale.Cows : WithdrawalScale.Sows, a.AssessedAt, a.Total,
            a.PatientReported ? ScoreRater.Patient : ScoreRater.Staff))
        .OrderBy(s => s.TakenAt)
        .ToList();

}
