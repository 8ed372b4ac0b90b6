using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Speciosa.Web.Patients;

/// <summary>A check another feature runs before a patient is enrolled (the law where the patient lives). It lets the
/// enrolment go ahead, refuses it, or holds it until the clinician confirms a warning.</summary>
public interface IEnrolmentCheck
{
    Task<EnrolmentVerdict> CheckAsync(Guid clinicId, PatientRequest request, CancellationToken ct);
}

/// <summary>What an <see cref="IEnrolmentCheck"/> decided. <see cref="Objection"/> is null when the enrolment may go
/// ahead; then <see cref="OnEnrolled"/> stages what the check keeps with the new patient (a recorded confirmation),
/// saved in the same transaction.</summary>
public sealed record EnrolmentVerdict(EnrolmentObjection? Objection, Func<Patient, Guid, Task>? OnEnrolled)
{
    public static readonly EnrolmentVerdict GoAhead = new(null, null);
}

/// <summary>Why an enrolment stops: <see cref="Refused"/> (nothing the clinician can confirm) or a warning awaiting
/// confirmation through <see cref="ConfirmField"/>. <see cref="Problem"/> answers an API client; <see cref="Reasons"/>
/// shows the reasons, with their sources, on a page.</summary>
public sealed record EnrolmentObjection(
    bool Refused, string ConfirmField, string ConfirmText, ProblemHttpResult Problem, RenderFragment Reasons);
