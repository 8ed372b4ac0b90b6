using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing.Patterns;
using Speciosa.Web.Clinics;

namespace Speciosa.Web.Patients;

/// <summary>Loads the patient banner (issue 15 item 3) for every staff page under <c>/patients/{PatientId}</c>, before the
/// page renders: a page route whose template starts so, a care-staff reader, a patient they may see
/// (<see cref="PatientScope"/>, the request's one read of the record). The facts come from every
/// <see cref="IPatientBannerFact"/> in order, one after another on the request's context; the layout
/// (<c>MainLayout</c>) reads the result with <see cref="Of"/> and renders it, so no page has to include it and no
/// component queries anything. Patient-role readers (their own overview, the portal) get no banner.</summary>
public sealed class PatientBannerLoading(RequestDelegate next)
{
    private const string Key = "speciosa.patient-banner";

    /// <summary>The page routes that carry the banner: the overview and every page below it.</summary>
    public const string RoutePrefix = "/patients/{PatientId:guid}";

    public async Task InvokeAsync(HttpContext http, ClinicCalendar calendar, TimeProvider clock, IEnumerable<IPatientBannerFact> facts)
    {
        if (IsStaffPatientPage(http) && await PatientScope.ResolveAsync(http) is { } patient)
        {
            http.Items[Key] = await LoadAsync(patient, calendar, clock, facts, http.RequestAborted);
        }

        await next(http);
    }

    /// <summary>The banner this request loaded, or null (not a staff patient page, or no patient the reader may see).</summary>
    public static PatientBannerView? Of(HttpContext? http) =>
        http?.Items.TryGetValue(Key, out var banner) == true ? banner as PatientBannerView : null;

    /// <summary>Whether a route template is one of the banner's pages.</summary>
    public static bool IsBannerRoute(string? template)
    {
        if (template is null)
        {
            return false;
        }

        var path = "/" + template.TrimStart('/');
        return path.Equals(RoutePrefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(RoutePrefix + "/", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsStaffPatientPage(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.User.Identity?.IsAuthenticated == true
        && http.User.IsCareStaff()
        && http.GetEndpoint() is RouteEndpoint { RoutePattern: RoutePattern pattern } endpoint
        && endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
        && IsBannerRoute(pattern.RawText);

    private static async Task<PatientBannerView> LoadAsync(
        Patient patient, ClinicCalendar calendar, TimeProvider clock, IEnumerable<IPatientBannerFact> facts, CancellationToken ct)
    {
        var zone = await calendar.ZoneAsync(patient.ClinicId, ct);
        var now = clock.GetUtcNow();
        var today = zone.Today(now);
        var context = new PatientBannerContext(patient, zone, now, today);
        var loaded = new List<BannerFact>();
        foreach (var fact in facts.OrderBy(f => f.Order))
        {
            loaded.AddRange(await fact.LoadAsync(context, ct));
        }

        return new PatientBannerView(patient.Id, patient.DisplayName, patient.DateOfBirth, AgeOn(patient.DateOfBirth, today), patient.Sex,
            PatientRecords.RecordNumber(patient.Id), loaded);
    }

    /// <summary>Whole years on <paramref name="day"/> (a 29 February birthday counts on 28 February in other years).</summary>
    public static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return Math.Max(0, day < born.AddYears(age) ? age - 1 : age);
    }
}
