using Speciosa.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;

namespace Speciosa.Web.Jurisdictions;

/// <summary>What a legal check allows: go ahead, refused (with reasons and sources), or go ahead only once
/// the clinician confirms the warnings.</summary>
public sealed record LegalCheckOutcome(EnforcementDecision Decision, bool Confirmed)
{
    public bool Refused => Decision.Outcome == EnforcementOutcome.Refuse;

    public bool NeedsConfirmation => Decision.Outcome == EnforcementOutcome.WarnAndConfirm && !Confirmed;

    public string WarningText => string.Join(" ", Decision.Warnings.Select(w => w.Text));


    /// <summary>Each reason with its sources, for problem details and pages.</summary>
    public IReadOnlyList<LegalReasonView> Reasons => LegalReasons.Views(Decision.Reasons);
}

public sealed record LegalSourceView(string Citation, string? Url);

public sealed record LegalReasonView(string Kind, bool Refuses, string Text, IReadOnlyList<LegalSourceView> Sources);

/// <summary>Legal decisions in words for pages, stored versions and problem details — the one shape enrolment,
/// regimens and doses all use.</summary>
public static class LegalReasons
{
    public static IReadOnlyList<LegalReasonView> Views(IEnumerable<EnforcementReason> reasons) =>
        reasons.Select(r => new LegalReasonView(r.Kind.ToString(), r.Refuses, r.Text,
            r.Sources.Select(s => new LegalSourceView(s.Citation, s.Url)).ToList())).ToList();

    /// <summary>422 when the law refuses supply or enrolment; 409 when warnings await the clinician's confirmation
    /// (send <c>confirmLegalWarning: true</c>). Both name every reason with its sources.</summary>
    public static ProblemHttpResult Problem(EnforcementDecision decision, bool refused) => Refusal(decision, refused).ToProblem();

    /// <summary>The decision as the kit's <see cref="Outcome"/>: legal-refusal (422) or legal-confirmation-needed (409).</summary>
    public static Outcome Refusal(EnforcementDecision decision, bool refused)
    {
        var reasons = Views(refused ? decision.Refusals : decision.Warnings);
        var detail = string.Join(" ", reasons.Select(r => $"{r.Text} (Source: {string.Join("; ", r.Sources.Select(s => s.Citation))})"));
        var extensions = new Dictionary<string, object?>
        {
            ["outcome"] = decision.Outcome.ToString(),
            ["legalStatus"] = decision.Applicable.Status.ToString(),
            ["entryId"] = decision.Applicable.Entry?.Id,
            ["reasons"] = reasons,
        };
        if (!refused)
        {
            extensions["confirmWith"] = "confirmLegalWarning: true";
        }

        return refused
            ? Outcome.Refused(StatusCodes.Status422UnprocessableEntity, "Not allowed by the law where the patient lives.", detail, ProblemTypes.LegalRefusal, extensions)
            : Outcome.Refused(StatusCodes.Status409Conflict, "Legal warnings need the clinician's confirmation.", detail, ProblemTypes.LegalConfirmationNeeded, extensions);
    }
}

/// <summary>The jurisdiction check that enrolment (and later regimens and lot choice) run before writing.</summary>
public sealed class LegalCheck(JurisdictionRegistry registry, ClinicCalendar calendar, SpeciosaDbContext db, TimeProvider clock)
{
    public const string ConfirmField = "confirmLegalWarning";

    public async Task<LegalCheckOutcome> CheckAsync(
        Guid clinicId, PatientLocation location, PatientCircumstances circumstances, bool confirmed,
        LotSevenOhContent? lot = null, CancellationToken ct = default)
    {
        var today = await calendar.TodayAsync(clinicId, ct);
        var decision = await registry.DecideAsync(location, circumstances, today, lot, ct);
        return new LegalCheckOutcome(decision, confirmed);
    }

    /// <summary>Stages the record of a confirmed warning; the caller saves it with the record it allowed.</summary>
    public void RecordConfirmation(LegalCheckOutcome outcome, Guid clinicId, Guid patientId, string context, Guid userId)
    {
        if (outcome.Decision.Outcome != EnforcementOutcome.WarnAndConfirm)
        {
            return;
        }

        var text = outcome.WarningText;
        db.LegalConfirmations.Add(new LegalConfirmation
        {
            Id = Guid.NewGuid(), ClinicId = clinicId, PatientId = patientId, Context = context, ConfirmedByUserId = userId,
            ConfirmedAt = clock.GetUtcNow(), EntryId = outcome.Decision.Applicable.Entry?.Id,
            Warnings = text.Length <= JurisdictionModel.LongTextLength ? text : text[..JurisdictionModel.LongTextLength],
        });
    }
}
