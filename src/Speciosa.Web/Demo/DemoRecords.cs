using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Identity;
using Speciosa.Web.Liver;
using Speciosa.Web.MentalHealth;
using Speciosa.Web.Safety;

namespace Speciosa.Web.Demo;

/// <summary>Made-up demo records entered through the app's own services (the same validation, evaluation and alerts as
/// the forms): a baseline liver panel within the lab's ranges, a mild adverse event that resolved, and a PHQ-9 with low
/// answers, all for Jordan Sampleton (demo). So the demo clinic's FHIR export holds a DiagnosticReport, an AdverseEvent
/// and a mental-health QuestionnaireResponse for the second validator in <c>.ci/run</c>. None of them raises an alert.</summary>
public static class DemoRecords
{
    public const string Family = "Sampleton (demo)";
    public const string LabName = "Demo Lab (made-up)";

    public static async Task SeedAsync(IServiceProvider services, Guid clinicId, Guid clinicianId, DateTimeOffset now, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<SpeciosaDbContext>();
        var patient = await db.Patients.FirstAsync(p => p.ClinicId == clinicId && p.FamilyName == Family, ct);

        // Before the demo regimens start (6 days ago): the pre-exposure baseline.
        var collected = now.AddDays(-7);
        LabResultRequest Result(string test, decimal value, string unit, decimal low, decimal uln) =>
            new(test, null, value, unit, uln, low, collected, IsBaseline: true, LabName: LabName);
        var (labs, labErrors) = await services.GetRequiredService<LabRecords>().RecordAsync(patient,
            [Result("alt", 22m, "U/L", 7m, 40m), Result("ast", 25m, "U/L", 10m, 40m), Result("alp", 80m, "U/L", 40m, 120m),
                Result("total-bilirubin", 0.6m, "mg/dL", 0.1m, 1.2m)],
            clinicianId, "api", ct);
        Check(labs is not null, "liver results", labErrors);

        var (adverse, adverseErrors) = await services.GetRequiredService<AdverseEvents>().RecordAsync(patient,
            new AdverseEventRequest(null, "Nausea", 1, now.AddDays(-2), now.AddDays(-1), "recovered", "possible", [], "none",
                "Demo values: a made-up event."), clinicianId, ct);
        Check(adverse is not null, "adverse event", adverseErrors);

        var clinician = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, clinicianId.ToString()), new Claim(ClaimTypes.Role, SpeciosaRoles.Clinician)], "demo-seed"));
        var answers = Enumerable.Range(1, 9).ToDictionary(i => i, i => i is 3 or 4 ? 1 : 0);
        var (screening, screeningErrors) = await services.GetRequiredService<MentalHealthRecords>().RecordScreeningAsync(patient,
            new ScreeningRequest("phq-9", answers, now.AddDays(-4)), clinician, ct);
        Check(screening is not null, "PHQ-9 screening", screeningErrors);
    }

    private static void Check(bool stored, string what, Dictionary<string, string[]> errors)
    {
        if (!stored)
        {
            throw new InvalidOperationException($"Demo {what} could not be stored: {string.Join("; ", errors.SelectMany(e => e.Value))}");
        }
    }
}
