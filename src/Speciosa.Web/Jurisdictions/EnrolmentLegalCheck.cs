using Microsoft.AspNetCore.Components;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Jurisdictions.Pages;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Jurisdictions;

/// <summary>Enrolment asks the law where the patient lives first: a refusal (banned, under the minimum age, excluded by
/// pregnancy or breastfeeding) stops it; a warning stops it until the clinician confirms, and the confirmation is
/// recorded with the patient.</summary>
public sealed class EnrolmentLegalCheck(LegalCheck legal) : IEnrolmentCheck
{
    public async Task<EnrolmentVerdict> CheckAsync(Guid clinicId, PatientRequest request, CancellationToken ct)
    {
        var check = await legal.CheckAsync(clinicId,
            new PatientLocation(request.CountryCode!.Trim().ToUpperInvariant(),
                string.IsNullOrWhiteSpace(request.SubdivisionCode) ? null : request.SubdivisionCode.Trim().ToUpperInvariant()),
            new PatientCircumstances(request.DateOfBirth!.Value, request.Pregnant, request.Breastfeeding),
            request.ConfirmLegalWarning, ct: ct);
        if (check.Refused || check.NeedsConfirmation)
        {
            var reasons = check.Reasons;
            RenderFragment list = b =>
            {
                b.OpenComponent<LegalReasonList>(0);
                b.AddComponentParameter(1, nameof(LegalReasonList.Reasons), reasons);
                b.CloseComponent();
            };
            return new EnrolmentVerdict(new EnrolmentObjection(check.Refused, LegalCheck.ConfirmField,
                $"{check.WarningText} Confirm that you have read this to enrol the patient; the confirmation is recorded.",
                LegalReasons.Problem(check.Decision, check.Refused), list), null);
        }

        return new EnrolmentVerdict(null, (patient, userId) =>
        {
            legal.RecordConfirmation(check, patient.ClinicId, patient.Id, "enrolment", userId);
            return Task.CompletedTask;
        });
    }
}
