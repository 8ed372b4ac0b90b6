using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Data;

namespace Speciosa.Web.Clinics;

/// <summary>The one way to know a clinic's time: its zone (UTC when the zone id is unknown to this machine), today
/// there, and instants written for people in that zone, labelled with it. Features and pages ask this; nothing else
/// reads <c>Clinics.TimeZone</c>.</summary>
public sealed class ClinicCalendar(SpeciosaDbContext db, TimeProvider clock)
{
    /// <summary>The clinic's zone and its id as shown to people.</summary>
    public async Task<ClinicZone> ZoneAsync(Guid? clinicId, CancellationToken ct = default)
    {
        var name = clinicId is null ? null
            : await db.Clinics.AsNoTracking().Where(c => c.Id == clinicId).Select(c => c.TimeZone).FirstOrDefaultAsync(ct);
        return ClinicZone.Of(name);
    }

    /// <summary>The zone of the clinic that holds a patient's record.</summary>
    public async Task<ClinicZone> ZoneOfPatientAsync(Guid patientId, CancellationToken ct = default) =>
        ClinicZone.Of(await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Join(db.Clinics, p => p.ClinicId, c => c.Id, (p, c) => c.TimeZone).FirstOrDefaultAsync(ct));

    /// <summary>Today in the clinic's zone (in UTC when the clinic or its zone is unknown).</summary>
    public async Task<DateOnly> TodayAsync(Guid? clinicId, CancellationToken ct = default) =>
        (await ZoneAsync(clinicId, ct)).Today(clock.GetUtcNow());
}

/// <summary>A clinic's time zone with the id people see, and the conversions between instants and the clinic's
/// calendar.</summary>
public sealed record ClinicZone(TimeZoneInfo Zone, string Id)
{
    public static ClinicZone Utc { get; } = new(TimeZoneInfo.Utc, "UTC");

    public static ClinicZone Of(string? name) =>
        name is not null && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? new(zone, name) : Utc;

    /// <summary>The clinic day an instant falls on.</summary>
    public DateOnly Today(DateTimeOffset now) => ClinicDay.Of(now, Zone);

    /// <summary>"2026-11-30 14:05" in the clinic's zone (without the label, for tables whose header names the zone).</summary>
    public string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2026-11-30 14:05 (America/New_York)": an instant for people, in the clinic's zone, labelled.</summary>
    public string Labelled(DateTimeOffset at) => $"{Local(at)} ({Id})";

    /// <summary>A clinic-local "yyyy-MM-ddTHH:mm" read as an instant (null when empty, malformed or skipped by the clock).</summary>
    public DateTimeOffset? Instant(string? local) => ClinicTime.Parse(local, Zone);
}
