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

    /// <summary>Query-string keys that name a patient (issue 14): the API's and pages' filters (<c>?patientId=</c>,
    /// <c>?patient=</c>) and FHIR's (<c>?patient=</c>, <c>?subject=</c>, an id or <c>Patient/id</c>, comma separated).
    /// A new query parameter that names a patient takes one of these names (PatientIsolationTests checks it).</summary>
    public static readonly IReadOnlySet<string> PatientQueryKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "patientId", "patient", "subject" };

    /// <summary>The visible patient of this request's <c>patientId</c> route value, or null.</summary>
    internal static async ValueTask<Patient?> ResolveAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(Resolved, out var cached))
        {
            return (Patient?)cached;
        }

        var patient = http.Request.RouteValues.TryGetValue("patientId", out var raw)
            && Guid.TryParse(Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture), out var id)
            ? await FindAsync(http, id)
            : null;
        http.Items[Resolved] = patient;
        return patient;
    }

    /// <summary>Whether the request's query string names a patient (a key of <see cref="PatientQueryKeys"/>).</summary>
    internal static bool QueryNamesPatient(HttpContext http) => http.Request.Query.Keys.Any(PatientQueryKeys.Contains);

    /// <summary>True when every patient the query string names is visible to the caller, through the same lookup as the
    /// route's <c>patientId</c>; a value that is no patient id (made up, empty, not an id) is not visible.</summary>
    internal static async ValueTask<bool> QueryPatientsVisibleAsync(HttpContext http)
    {
        var named = http.Request.Query.Where(q => PatientQueryKeys.Contains(q.Key)).SelectMany(q => q.Value)
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries))
            .Select(id => id.StartsWith("Patient/", StringComparison.Ordinal) ? id["Patient/".Length..] : id)
            .Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty)
            .Distinct(); // one lookup per patient, however often a list repeats them
        foreach (var id in named)
        {
            if (id == Guid.Empty || await FindAsync(http, id) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The one lookup: the patient with this id if the caller may see them.</summary>
    private static Task<Patient?> FindAsync(HttpContext http, Guid id) =>
        http.RequestServices.GetRequiredService<PatientRecords>().FindAsync(http.User, id, http.RequestAborted);
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

/// <summary>A patient never learns whether another record exists (issue 14): for a Patient-role caller, a request that names a
/// patient — the route's <c>patientId</c> (API or page) or a query-string filter (<see cref="PatientScope.PatientQueryKeys"/>:
/// <c>?patientId=</c>, FHIR's <c>?patient=</c>, …) — answers 404 unless every patient it names is their own record, before the
/// endpoint runs and whatever its policy, through the same lookup every patient route uses. A route they may not use answers
/// 404 too when it carries any other id (a route value, or an id in the query string: it might be another patient's record),
/// rather than 403. Their own record on a staff-only route naming nothing else keeps its 403, and so does a staff-only route
/// without ids.</summary>
public sealed class PatientScopeAuthorization : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var user = context.User;
        var request = context.Request;
        if (!authorizeResult.Challenged && (request.RouteValues.Count > 0 || request.Query.Count > 0)
            && user.Identity?.IsAuthenticated == true && user.IsInRole(SpeciosaRoles.Patient) && !user.IsCareStaff())
        {
            // Their own record on a route naming nothing else may say "forbidden"; any other id (another patient's record,
            // or a record of theirs inside a route they may not use) is "not found" like an id that does not exist.
            var routeNamesPatient = request.RouteValues.ContainsKey("patientId");
            var otherIds = request.RouteValues.Count > (routeNamesPatient ? 1 : 0)
                || request.Query.Any(q => !PatientScope.PatientQueryKeys.Contains(q.Key) && q.Value.Any(v => Guid.TryParse(v, out _)));
            var notFound = (routeNamesPatient && await PatientScope.ResolveAsync(context) is null)
                || (PatientScope.QueryNamesPatient(context) && !await PatientScope.QueryPatientsVisibleAsync(context))
                || (authorizeResult.Forbidden && otherIds);
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
