using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Patients;

/// <summary>The one way an API route finds its patient: a route group under <c>/api/patients/{patientId}</c>
/// (<see cref="MapPatientScope"/>) answers 404 for a patient the caller may not see — another clinic's, or not
/// the patient's own record — before any handler runs, and names the patient on the request's audit entry.
/// Handlers take a <see cref="VisiblePatient"/> parameter; it is resolved once per request.</summary>
public static class PatientScope
{
    private const string Resolved = "speciosa.visible-patient";

    /// <summary>A route group for one visible patient's resources, e.g. <c>MapPatientScope("/doses")</c>.</summary>
    public static RouteGroupBuilder MapPatientScope(this IEndpointRouteBuilder app, string path = "") =>
        app.MapGroup("/api/patients/{patientId:guid}" + path).AddEndpointFilter(static async (context, next) =>
        {
            var http = context.HttpContext;
            if (await ResolveAsync(http) is not { } patient)
            {
                return ProblemResponses.Problem(StatusCodes.Status404NotFound);
            }

            http.Audit().PatientId = patient.Id;
            return await next(context);
        });

    /// <summary>The visible patient of this request's <c>patientId</c> route value, or null.</summary>
    internal static async ValueTask<Patient?> ResolveAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(Resolved, out var cached))
        {
            return (Patient?)cached;
        }

        Patient? patient = null;
        if (http.Request.RouteValues.TryGetValue("patientId", out var raw) && Guid.TryParse(Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture), out var id))
        {
            patient = await http.RequestServices.GetRequiredService<PatientRecords>().FindAsync(http.User, id, http.RequestAborted);
        }

        http.Items[Resolved] = patient;
        return patient;
    }
}

/// <summary>The patient of a patient-scoped route, already checked visible to the caller (see <see cref="PatientScope"/>).</summary>
public sealed class VisiblePatient
{
    private readonly Patient? record;

    private VisiblePatient(Patient? record) => this.record = record;

    /// <summary>The patient's record (tracked by the request's context).</summary>
    public Patient Record => record ?? throw new InvalidOperationException("VisiblePatient is bound only on routes mapped with MapPatientScope.");

    public Guid Id => Record.Id;

    public static async ValueTask<VisiblePatient> BindAsync(HttpContext http) => new(await PatientScope.ResolveAsync(http));
}

/// <summary>A patient never learns whether another record exists (issue 14): for a Patient-role caller, a route that names a
/// patient (<c>patientId</c>, API or page) answers 404 unless it is their own record, before the endpoint runs and whatever
/// its policy, through the same <see cref="PatientScope.ResolveAsync"/> every patient route uses; a route with any other id
/// that the patient may not use answers 404 too (the id might be another patient's record), rather than 403. A patient's own
/// record on a staff-only route naming nothing else keeps its 403, and routes without a route value keep theirs.</summary>
public sealed class PatientScopeAuthorization : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var user = context.User;
        if (!authorizeResult.Challenged && context.Request.RouteValues.Count > 0
            && user.Identity?.IsAuthenticated == true && user.IsInRole(SpeciosaRoles.Patient) && !user.IsCareStaff())
        {
            // Their own record on a route naming nothing else may say "forbidden"; any other id (another patient's record,
            // or a record of theirs inside a route they may not use) is "not found" like an id that does not exist.
            var namesPatient = context.Request.RouteValues.ContainsKey("patientId");
            var notFound = (namesPatient && await PatientScope.ResolveAsync(context) is null)
                || (authorizeResult.Forbidden && (!namesPatient || context.Request.RouteValues.Count > 1));
            if (notFound)
            {
                await NotFoundAsync(context);
                return;
            }
        }

        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>Problem details for the API and FHIR (an OperationOutcome there); for a page the status alone, which the
    /// browser error page shows as "not found".</summary>
    private static Task NotFoundAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/fhir") || path.StartsWithSegments("/openapi"))
        {
            return ProblemResponses.WriteAsync(context, StatusCodes.Status404NotFound, null);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
