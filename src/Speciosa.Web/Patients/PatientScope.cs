using Speciosa.Web.Audit;
using Speciosa.Web.Http;

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
