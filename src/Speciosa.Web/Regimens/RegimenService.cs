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
    TimeProvider clock,
    IOptions<DosingOptions> options)
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

    public static TaperCalendarDto TaperDtoOf(TaperCalendar taper) =>
        new(taper.Entries.Select(e => new TaperEntryDto(e.StartsOn, e.GramsPerDay, e.Basis)).ToList(), taper.IncreasesAllowed,
            taper.GeneratedFrom is { } g
                ? new TaperSettingsDto(g.Method.ToString(), g.StartDate, g.StartingGramsPerDay, g.RoundingStepGrams, g.WeeklyReduction * 100m)
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

        var order = RegimenRequestReader.Read(request, request.LotId, options.Value.DefaultMaxAdministrationsPerDay, errors);
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

        await AlertBook.SaveAsync(db, await safety.StageAsync(patient, now, ct), () => safety.StageAsync(patient, now, ct), ct);
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

    public async Task<RegimenView> ViewAsync(Patient patient, Regimen regimen, CancellationToken ct = default)
    {
        var versions = await db.RegimenVersions.AsNoTracking().Where(v => v.RegimenId == regimen.Id).ToListAsync(ct);
        versions = versions.OrderByDescending(v => v.Version).ToList();
        var productIds = versions.Select(v => v.ProductId).Distinct().ToList();
        var lotIds = versions.Where(v => v.LotId != null).Select(v => v.LotId!.Value).Distinct().ToList();
        var userIds = versions.Select(v => v.AuthoredBy).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var lots = await db.Lots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.LotCode, ct);
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
        TitrationView? titration = null;
        if (currentOrder.Titration is { Steps.Count: > 0 })
        {
            var status = TitrationSchedule.Evaluate(currentOrder, today, scores, zone);
            titration = new TitrationView(status.Current?.StepNumber ?? 0, status.Current?.GramsPerAdministration ?? currentOrder.GramsPerAdministration,
                status.Current?.StartedOn ?? currentOrder.StartDate, status.Next?.StepNumber, status.Next?.GramsPerAdministration, status.Next?.DueOn,
                status.Next?.HoldUntil?.ToString(), status.Next?.HeldBecause, status.IsComplete);
        }

        var active = currentOrder.Covers(today);
        DayLimitsView? limits = null;
        if (active)
        {
            var d = DayLimits.On(currentOrder, today, scores, zone);
            limits = new DayLimitsView(d.Day, d.GramsPerAdministration, d.GramsPerAdministrationBasis, d.MaxAdministrations, d.MaxGramsPerDay, d.MaxGramsPerDayBasis);
        }

        return new RegimenView(regimen.Id, regimen.PatientId, regimen.ConcurrencyStamp, active, today, views[0], views, titration, limits);
    }

    /// <summary>COWS and SOWS (Handelsman) totals for titration holds and the chart.</summary>
    public async Task<IReadOnlyList<ScoreReading>> ScoreReadingsAsync(Guid patientId, CancellationToken ct = default) =>
        (await db.Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && (a.InstrumentId == "cows" || a.InstrumentId == "sows-handelsman"))
            .Select(a => new { a.InstrumentId, a.AssessedAt, a.Total })
            .ToListAsync(ct))
        .Select(a => new ScoreReading(a.InstrumentId == "cows" ? WithdrawalScale.Cows : WithdrawalScale.Sows, a.AssessedAt, a.Total))
        .OrderBy(s => s.TakenAt)
        .ToList();

}
