using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Treatment;

public static class TreatmentEndpoints
{
    public static IEndpointRouteBuilder MapTreatmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapPatientScope("").WithTags("Treatment");

        group.MapGet("/treatment", async Task<Ok<TreatmentSummary>> (VisiblePatient patient, TreatmentRecords records, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await records.SummaryAsync(patient.Record, clock.GetUtcNow(), ct)))
            .WithSummary("Treatment options discussed, overdose prevention (naloxone supplied and training, fentanyl test strips), loss-of-tolerance " +
                "events now, the follow-up schedule after the taper with retention, and the figures in use (each marked software default or clinic configuration).")
            .Audited("treatment.read", "TreatmentDiscussion").RequireAuthorization(Policies.Clinical);

        group.MapPost("/overdose-prevention", async Task<Results<Created<TreatmentWriteResult>, ProblemHttpResult>> (
                VisiblePatient patient, OverdosePreventionRequest request, ClaimsPrincipal user, HttpContext http, TreatmentRecords records,
                TimeProvider clock, CancellationToken ct) =>
                Created(await records.RecordPreventionAsync(patient.Record, request, user.UserId()!.Value, clock.GetUtcNow(), ct), http,
                    $"/api/patients/{patient.Id}/treatment"))
            .WithSummary("Record naloxone supplied, naloxone training given, or fentanyl test strips offered (kind, on, accepted for test strips, note). " +
                "A naloxone supply clears the 'no naloxone recorded' alert in the same save.")
            .Idempotent()
            .Audited("overdose-prevention.create", "OverdosePreventionRecord").RequireAuthorization(Policies.Clinical);

        group.MapPost("/treatment-discussions", async Task<Results<Created<TreatmentWriteResult>, ProblemHttpResult>> (
                VisiblePatient patient, TreatmentDiscussionRequest request, ClaimsPrincipal user, HttpContext http, TreatmentRecords records,
                TimeProvider clock, CancellationToken ct) =>
                Created(await records.RecordDiscussionAsync(patient.Record, request, user.UserId()!.Value, clock.GetUtcNow(), ct), http,
                    $"/api/patients/{patient.Id}/treatment"))
            .WithSummary("Record that medication for opioid use disorder was offered and discussed (occasion enrolment|review, discussedOn, " +
                "optionsDiscussed from buprenorphine, methadone, naltrexone-xr), the decision (accepted, already-receiving, declined, undecided) with the " +
                "chosen option or the patient's reason, and a referral (referredTo and referredOn together).")
            .Idempotent()
            .Audited("treatment-discussion.create", "TreatmentDiscussion").RequireAuthorization(Policies.Clinical);

        group.MapPost("/follow-up-contacts", async Task<Results<Created<TreatmentWriteResult>, ProblemHttpResult>> (
                VisiblePatient patient, FollowUpContactRequest request, ClaimsPrincipal user, HttpContext http, TreatmentRecords records,
                TimeProvider clock, CancellationToken ct) =>
                Created(await records.RecordContactAsync(patient.Record, request, user.UserId()!.Value, clock.GetUtcNow(), ct), http,
                    $"/api/patients/{patient.Id}/treatment"))
            .WithSummary("Record a follow-up contact after the taper: on, made (true) or tried and missed (false), mode (visit, phone, video, message), note.")
            .Idempotent()
            .Audited("follow-up-contact.create", "FollowUpContact").RequireAuthorization(Policies.Clinical);

        return app;
    }

    private static Results<Created<TreatmentWriteResult>, ProblemHttpResult> Created(TreatmentWriteResult result, HttpContext http, string location)
    {
        if (!result.Outcome.Succeeded)
        {
            return result.Outcome.ToProblem();
        }

        http.Audit().ResourceId = result.Id.ToString();
        return TypedResults.Created(location, result);
    }
}
