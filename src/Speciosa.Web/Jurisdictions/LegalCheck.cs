using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Data;

namespace Speciosa.Web.Jurisdictions;

/// <summary>What a legal check allows: go ahead, refused (with reasons and sources), or go ahead only once
/// the clinician confirms the warnings.</summary>
public sealed record LegalCheckOutcome(EnforcementDecision Decision, bool Confirmed)
{
    public bool Refused => Decision.Outcome == EnforcementOutcome.Refuse;

    public bool NeedsConfirmation => Decision.Outcome == EnforcementOutcome.WarnAndConfirm && !Confirmed;

    public string WarningText => string.Join(" ", Decision.Warnings.Select(w => w.Text));

    public string RefusalText => string.Join(" ", Decision.Refusals.Select(r => r.Text));

    /// <summary>Each reason with its sources, for problem details and pages.</summary>
    public IReadOnlyList<LegalReasonView> Reasons => Decision.Reasons
        .Select(r => new LegalReasonView(r.Kind.ToString(), r.Refuses, r.Text,
            r.Sources.Select(s => new LegalSourceView(s.Citation, s.Url)).ToList()))
        .ToList();

    /// <summary>422 problem details for a refusal: each reason in words with its sources, and the entry it rests on.</summary>
    public ProblemHttpResult ToProblem() =>
        TypedResults.Problem(
            detail: RefusalText,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Refused by the law where the patient lives.",
            extensions: new Dictionary<string, object?>
            {
                ["legalStatus"] = Decision.Applicable.Status.ToString(),
                ["entryId"] = Decision.Applicable.Entry?.Id,
                ["reasons"] = Reasons,
            });
}

public sealed record LegalSourceView(string Citation, string? Url);

public sealed record LegalReasonView(string Kind, bool Refuses, string Text, IReadOnlyList<LegalSourceView> Sources);

/// <summary>The jurisdiction check that enrolment (and later regimens and lot choice) run before writing.</summary>
public sealed class LegalCheck(JurisdictionRegistry registry, SpeciosaDbContext db, TimeProvider clock)
{
    public const string ConfirmField = "confirmLegalWarning";

    public async Task<LegalCheckOutcome> CheckAsync(
        Guid clinicId, PatientLocation location, PatientCircumstances circumstances, bool confirmed,
        LotSevenOhContent? lot = null, CancellationToken ct = default)
    {
        var today = await registry.TodayAsync(clinicId, ct);
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
