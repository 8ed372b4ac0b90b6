using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Data;

namespace Speciosa.Web.Clinics;

/// <summary>The one way to know a clinic's time: its zone (UTC when the zone id is unknown to this machine), today
/// there, and instants written for people in that zone, labelled with it. Features and pages ask this; nothing else
/// reads <c>Clinics.TimeZone</c>.</summary>
public sealed class ClinicCalendar(SpeciosaDbContext db, ClinicZones known, TimeProvider clock)
{
    /// <summary>The clinic's zone and its id as shown to people.</summary>
    public async Task<ClinicZone> ZoneAsync(Guid? clinicId, CancellationToken ct = default)
    {
        if (clinicId is not { } id)
        {
            return ClinicZone.Utc;
        }

        if (known.Zone(id) is { } zone)
        {
            return zone;
        }

        var name = await db.Clinics.AsNoTracking().Where(c => c.Id == id).Select(c => c.TimeZone).FirstOrDefaultAsync(ct);
        return name is null ? ClinicZone.Utc : known.Remember(id, name);
    }

    /// <summary>The zone of the clinic that holds a patient's record.</summary>
    public async Task<ClinicZone> ZoneOfPatientAsync(Guid patientId, CancellationToken ct = default)
    {
        if (known.ClinicOf(patientId) is { } clinicId)
        {
            return await ZoneAsync(clinicId, ct);
        }

        var found = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Join(db.Clinics, p => p.ClinicId, c => c.Id, (p, c) => new { c.Id, c.TimeZone }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return ClinicZone.Utc;
        }

        known.RememberPatient(patientId, found.Id);
        return known.Remember(found.Id, found.TimeZone);
    }

    /// <summary>Today in the clinic's zone (in UTC when the clinic or its zone is unknown).</summary>
    public async Task<DateOnly> TodayAsync(Guid? clinicId, CancellationToken ct = default) =>
        (await ZoneAsync(clinicId, ct)).Today(clock.GetUtcNow());
}

/// <summary>What never changes once written, kept in memory for every request of this process (issue 17: the patient
/// overview read the clinic's zone eleven times): a clinic's zone (set when the clinic is created; nothing edits it) and
/// the clinic that holds a patient's record (a record never moves). If an edit of a clinic's zone is ever added, this
/// must learn of it on every instance (e.g. a version read with the session), as each instance keeps its own copy.</summary>
public sealed class ClinicZones
{
    private const int MaxPatients = 100_000;
    private readonly ConcurrentDictionary<Guid, ClinicZone> zones = new();
    private readonly ConcurrentDictionary<Guid, Guid> clinicOfPatient = new();

    public ClinicZone? Zone(Guid clinicId) => zones.TryGetValue(clinicId, out var zone) ? zone : null;

    public ClinicZone Remember(Guid clinicId, string? name) => zones[clinicId] = ClinicZone.Of(name);

    public Guid? ClinicOf(Guid patientId) => clinicOfPatient.TryGetValue(patientId, out var clinic) ? clinic : null;

    public void RememberPatient(Guid patientId, Guid clinicId)
    {
        if (clinicOfPatient.Count >= MaxPatients)
        {
            clinicOfPatient.Clear();
        }

        clinicOfPatient[patientId] = clinicId;
    }
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
