using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Patients;

/// <summary>Issue 15 item 3: the patient banner on every staff page of a patient — who the patient is, pregnancy, the regimen
/// with today's limits, the lot, open alerts by severity, the legal status and the last COWS with its clinic time — read once
/// per request; never on a patient's own pages, and never for a patient of another clinic (404).</summary>
public sealed partial class PatientBannerTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_banner_shows_each_demo_patients_facts_and_another_clinics_patient_stays_404(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        // Morgan is recorded as pregnant: on a kratom regimen that raises a High alert (Safety's pregnancy review).
        var morgan = await server.QueryAsync(db => db.Patients.Where(p => p.FamilyName == "Testwell (demo)").Select(p => p.Id).SingleAsync());
        var edited = await clinician.PutWholeRecordAsync(morgan, b => b["pregnant"] = true);
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        var demo = await server.QueryAsync(async db =>
        {
            var clinicId = await db.Clinics.Where(c => c.IsDemo).Select(c => c.Id).SingleAsync();
            return await db.Patients.Where(p => p.ClinicId == clinicId).ToListAsync();
        });
        Assert.True(demo.Count >= 4, "The demo clinic has its four patients.");
        var zone = await ZoneAsync(server, demo[0].ClinicId);
        var today = zone.Today(DateTimeOffset.UtcNow);
        var sawLotCode = false;
        var sawSeverity = false;

        foreach (var patient in demo)
        {
            var html = await clinician.GetStringAsync($"/patients/{patient.Id}");
            var banner = Banner(html) ?? throw new Xunit.Sdk.XunitException($"No banner on the overview of {patient.DisplayName}.");
            var who = Text(Regex.Match(banner, "<p class=\"banner-who\">([\\s\\S]*?)</p>").Groups[1].Value);
            Assert.Equal($"{patient.DisplayName} {PatientBannerLoading.AgeOn(patient.DateOfBirth, today)} years {patient.Sex} born {patient.DateOfBirth:yyyy-MM-dd} record {patient.Id.ToString("N")[..8]}", who);
            var facts = Facts(banner);
            Assert.Equal(["pregnancy", "regimen", "lot", "alerts", "legal", "cows"], facts.Keys.ToArray());
            Assert.Equal(patient.Pregnant ? "Pregnancy Pregnant" : "Pregnancy Not recorded as pregnant, breastfeeding or planning conception", facts["pregnancy"]);
            if (patient.Pregnant)
            {
                Assert.Contains("tone-high\">Pregnant<", banner, StringComparison.Ordinal);
            }

            var (version, lot, product) = await server.QueryAsync(async db =>
            {
                var v = await db.RegimenVersions.Join(db.Regimens.Where(r => r.PatientId == patient.Id), v => new { v.RegimenId, v.Version },
                    r => new { RegimenId = r.Id, Version = r.CurrentVersion }, (v, r) => v).SingleAsync();
                var l = v.LotId is { } id ? await db.Lots.SingleAsync(x => x.Id == id) : null;
                return (v, l, await db.Products.Where(p => p.Id == v.ProductId).Select(p => p.Name).SingleAsync());
            });
            Assert.Equal($"Regimen today {product} · up to {G(version.GramsPerAdministration)} g per administration, {version.MaxAdministrationsPerDay} a day, "
                + $"{G(version.MaxGramsPerDay)} g a day", facts["regimen"]);
            Assert.Equal(lot is null ? $"Lot Any released lot of {product}" : $"Lot {lot.LotCode}, released", facts["lot"]);
            sawLotCode |= lot is not null;

            var open = await server.QueryAsync(db => db.Alerts.Where(a => a.PatientId == patient.Id && a.Status == AlertStatus.Open)
                .GroupBy(a => a.SeverityRank).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
            var expected = open.Count == 0 ? "None" : string.Join(" · ", open.OrderByDescending(o => o.Key).Select(o => $"{o.Count} {(AlertSeverity)o.Key}"));
            Assert.Equal($"Open alerts {expected}", facts["alerts"]);
            foreach (var severity in open.Where(o => o.Key >= (int)AlertSeverity.High))
            {
                // In colour as well as in words.
                Assert.Contains($"tone-{((AlertSeverity)severity.Key).ToString().ToLowerInvariant()}\">{severity.Count} {(AlertSeverity)severity.Key}<", banner, StringComparison.Ordinal);
                sawSeverity = true;
            }

            var legal = await LegalAsync(server, patient, today);
            Assert.StartsWith($"Legal status {JurisdictionWords.Status(legal.Status)} in US-TN", facts["legal"], StringComparison.Ordinal);

            var cows = await server.QueryAsync(db => db.Assessments.Where(a => a.PatientId == patient.Id && a.InstrumentId == "cows")
                .OrderByDescending(a => a.AssessedAt).FirstOrDefaultAsync());
            Assert.Equal(cows is null ? "Last COWS None recorded" : $"Last COWS {cows.Total} ({cows.Band}) · {zone.Labelled(cows.AssessedAt)}", facts["cows"]);
        }

        Assert.True(sawLotCode, "One demo patient's order names a lot.");
        Assert.True(sawSeverity, "Morgan's pregnancy alert is open and High.");

        // Another clinic: its patient is 404 here with no banner, and ours is 404 there.
        var other = await OtherClinic.ClinicianAsync(server);
        var elsewhere = await PatientTestData.EnrolAsync(other, $"Bannerless-{database}");
        var response = await clinician.GetAsync($"/patients/{elsewhere}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Null(Banner(body));
        Assert.DoesNotContain("Bannerless", body, StringComparison.Ordinal);
        response = await other.GetAsync($"/patients/{demo[0].Id}/regimen");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(Banner(await response.Content.ReadAsStringAsync()));

        // A patient's own overview carries no banner (no thresholds or legal wording on patient-role pages).
        var own = await server.QueryAsync(db => db.Patients.Where(p => p.PortalUserId != null && p.ClinicId == demo[0].ClinicId).Select(p => p.Id).FirstAsync());
        var patientClient = await server.SignedInClientAsync("demo.patient");
        response = await patientClient.GetAsync($"/patients/{own}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Banner(await response.Content.ReadAsStringAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Every_staff_page_of_a_patient_carries_the_banner_and_other_pages_do_not(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await server.QueryAsync(db => db.Patients.Where(p => p.FamilyName == "Sampleton (demo)").Select(p => p.Id).SingleAsync());
        var routes = typeof(SpeciosaDbContext).Assembly.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template)
            .Where(PatientBannerLoading.IsBannerRoute).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(routes.Count >= 20, $"Only {routes.Count} patient page routes: {string.Join(", ", routes)}");
        Assert.Contains("/patients/{PatientId:guid}", routes);

        var missing = new List<string>();
        foreach (var template in routes)
        {
            var path = template.Replace("{PatientId:guid}", patientId.ToString(), StringComparison.Ordinal)
                .Replace("{InstrumentId}", "cows", StringComparison.Ordinal).Replace("{Questionnaire}", "phq-9", StringComparison.Ordinal);
            Assert.DoesNotContain("{", path, StringComparison.Ordinal);
            var response = await clinician.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || Banner(html) is not { } banner || !banner.Contains("Sampleton (demo)", StringComparison.Ordinal))
            {
                missing.Add($"{template}: {(int)response.StatusCode}");
            }
        }

        Assert.True(missing.Count == 0, "No banner on: " + string.Join("; ", missing));
        foreach (var path in new[] { "/patients", "/patients/new", "/alerts", "/" })
        {
            Assert.Null(Banner(await clinician.GetStringAsync(path)));
        }
    }

    [Fact]
    public async Task A_staff_page_of_a_patient_reads_each_kind_of_banner_record_once()
    {
        var server = await servers.On(Database.Sqlite);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await server.QueryAsync(db => db.Patients.Where(p => p.FamilyName == "Testwell (demo)").Select(p => p.Id).SingleAsync());

        // The edit page reads none of the banner's records itself: what it asks of them is the banner's.
        var commands = await SqlCommandLog.OfRequestAsync(server, () => clinician.GetAsync($"/patients/{patientId}/edit"));

        foreach (var table in new[] { "\"Alerts\"", "\"Jurisdictions\"", "\"Assessments\"", "\"RegimenVersions\"" })
        {
            Assert.Single(commands, c => c.Contains(table, StringComparison.Ordinal));
        }

        // The regimen, its version, product and lot in one query; the registry of the patient's country only.
        Assert.Single(commands, c => c.Contains("\"Lots\"", StringComparison.Ordinal) && c.Contains("\"Products\"", StringComparison.Ordinal));
        Assert.Contains("UPPER", Assert.Single(commands, c => c.Contains("\"Jurisdictions\"", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        TestContext.Current.SendDiagnosticMessage($"/patients/{{id}}/edit with the banner: {commands.Count} SQL commands");
    }

    private static async Task<ClinicZone> ZoneAsync(SpeciosaServer server, Guid clinicId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClinicCalendar>().ZoneAsync(clinicId);
    }

    private static async Task<ApplicableLegalStatus> LegalAsync(SpeciosaServer server, Patient patient, DateOnly today)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JurisdictionRegistry>()
            .EvaluateAsync(new PatientLocation(patient.CountryCode, patient.SubdivisionCode), today);
    }

    /// <summary>The banner's markup, or null when the page has none.</summary>
    private static string? Banner(string html) =>
        BannerPattern().Match(html) is { Success: true } m ? m.Value : null;

    /// <summary>Each fact's label and words as a reader sees them, by key, in page order.</summary>
    private static Dictionary<string, string> Facts(string banner) =>
        FactPattern().Matches(banner).ToDictionary(m => m.Groups[1].Value, m => Text(m.Groups[2].Value));

    private static string Text(string markup) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(markup, "<[^>]+>", " ")), "\\s+", " ").Trim();

    private static string G(decimal grams) => grams.ToString("0.###", CultureInfo.InvariantCulture);

    [GeneratedRegex("<section class=\"patient-banner\"[\\s\\S]*?</section>")]
    private static partial Regex BannerPattern();

    [GeneratedRegex("<div class=\"banner-fact\" data-fact=\"([a-z-]+)\">([\\s\\S]*?)</div>")]
    private static partial Regex FactPattern();
}
