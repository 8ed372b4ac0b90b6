using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Speciosa.Testing;
using Speciosa.Web.Data;
using Xunit;

namespace Speciosa.Web.Tests.Data;

/// <summary>A PostgreSQL primary with a streaming standby (initdb, pg_basebackup, loopback), of this class's own.</summary>
public sealed class PrimaryWithStandby : IAsyncLifetime
{
    public PostgresCluster Primary { get; } = new();

    public int StandbyPort { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await Primary.InitializeAsync();
        if (Primary.CanStopAndStart)
        {
            StandbyPort = await Primary.StartStandbyAsync();
        }
    }

    public ValueTask DisposeAsync() => Primary.DisposeAsync();
}

/// <summary>Issue 17 item 3: several app instances share one primary, and reads that may lag (exports, research extracts,
/// dashboards) go to a streaming standby through Npgsql's multi-host prefer-standby, falling back to the primary.</summary>
public sealed class StandbyReadsTests(PrimaryWithStandby cluster) : IClassFixture<PrimaryWithStandby>
{
    [Fact]
    public async Task A_patient_enrolled_on_the_primary_is_read_back_for_a_report_from_the_standby()
    {
        cluster.Primary.SkipIfUnavailable();
        if (cluster.StandbyPort == 0)
        {
            TestEnvironment.SkipOrFail(TestEnvironment.RequirePostgres, "This test needs a cluster of the run's own to make a standby of.");
        }

        var primary = await cluster.Primary.CreateDatabaseAsync();
        var builder = new NpgsqlConnectionStringBuilder(primary);
        var read = $"Host=127.0.0.1:{cluster.StandbyPort},127.0.0.1:{builder.Port};Username={builder.Username};Database={builder.Database}";
        await using var server = await SpeciosaServer.StartAsync(demo: true, primary,
            new Dictionary<string, string> { ["Database:ReadConnectionString"] = read });
        var clinician = await server.SignedInClientAsync("demo.clinician");

        // The write goes to the primary (the app's own connection)...
        var id = await PatientTestData.EnrolAsync(clinician, "Standby-Reader");
        var reports = server.Services.GetRequiredService<ReportingReads>();
        Assert.True(reports.RoutesToStandby);

        // ...and a report reads it from the standby once replayed (streaming replication on loopback: well under a second).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        bool seen;
        do
        {
            await using var db = reports.Open();
            seen = await db.Patients.AnyAsync(p => p.Id == id);
            Assert.True(await db.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync(),
                "The report's connection is not on the standby.");
            if (!seen)
            {
                await Task.Delay(100);
            }
        }
        while (!seen && DateTime.UtcNow < deadline);

        Assert.True(seen, "The standby never showed the patient enrolled on the primary.");

        // The app's own connection is the primary, and a report cannot write.
        Assert.False(await server.QueryAsync(db => db.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync()));
        await using var report = reports.Open();
        report.Clinics.Add(new Speciosa.Web.Clinics.Clinic { Id = Guid.NewGuid(), Name = "x", TimeZone = "UTC", CreatedAt = DateTimeOffset.UtcNow });
        await Assert.ThrowsAsync<InvalidOperationException>(() => report.SaveChangesAsync());
    }

    [Fact]
    public async Task Without_a_standby_answering_reports_fall_back_to_the_primary()
    {
        cluster.Primary.SkipIfUnavailable();
        var primary = await cluster.Primary.CreateDatabaseAsync();
        var builder = new NpgsqlConnectionStringBuilder(primary);
        // The first host listed is a port nothing listens on (a standby that is down).
        var read = $"Host=127.0.0.1:{FreePort()},127.0.0.1:{builder.Port};Username={builder.Username};Database={builder.Database}";
        await using var server = await SpeciosaServer.StartAsync(demo: true, primary,
            new Dictionary<string, string> { ["Database:ReadConnectionString"] = read });
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(clinician, "Fallback-Reader");

        await using var db = server.Services.GetRequiredService<ReportingReads>().Open();
        Assert.True(await db.Patients.AnyAsync(p => p.Id == id));
        Assert.False(await db.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync());
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
