using System.Net.Http.Json;
using Speciosa.Testing;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Performance;

/// <summary>Issue 17: what a request asks the database, counted from EF Core's own events. These are not timings: each
/// test names reads that were repeated and must stay gone.</summary>
public sealed class QueriesPerRequestTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_signed_in_page_checks_its_session_account_and_stamp_in_one_query(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientIdAsync(clinician, "Sampleton");

        var commands = await SqlCommandLog.OfRequestAsync(server, () => clinician.GetAsync($"/api/patients/{patientId}"));

        var session = Assert.Single(commands, c => c.Contains("UserSessions", StringComparison.Ordinal));
        Assert.Contains("SecurityStamp", session, StringComparison.Ordinal);
        Assert.DoesNotContain(commands, c => c.Contains("UserRoles", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_patient_overview_no_longer_reads_the_clinic_time_zone_once_the_clinic_is_known(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientIdAsync(clinician, "Sampleton");

        var commands = await SqlCommandLog.OfRequestAsync(server, () => clinician.GetAsync($"/patients/{patientId}"));

        Assert.DoesNotContain(commands, c => c.Contains("TimeZone", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_patient_overview_reads_the_medicine_list_vital_signs_and_opioid_history_once_each(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientIdAsync(clinician, "Sampleton");

        var commands = await SqlCommandLog.OfRequestAsync(server, () => clinician.GetAsync($"/patients/{patientId}"));

        foreach (var table in new[] { "\"PatientMedicines\"", "\"VitalSigns\"", "\"OpioidUses\"" })
        {
            Assert.Single(commands, c => c.Contains(table, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(commands, c => c.Contains("WHERE 0", StringComparison.Ordinal) || c.Contains("WHERE FALSE", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_staff_dose_reads_the_patients_regimen_once(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, lotId) = await PatientOnAnOrderAsync(clinician);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 1m, lotId }, TestContext.Current.CancellationToken);

        var commands = await SqlCommandLog.OfRequestAsync(server, () => nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 1m, lotId }), warm: false);

        Assert.Contains(commands, c => c.Contains("INSERT INTO \"Doses\"", StringComparison.Ordinal));
        Assert.Single(commands, c => c.Contains("RegimenVersions", StringComparison.Ordinal));
    }
}
