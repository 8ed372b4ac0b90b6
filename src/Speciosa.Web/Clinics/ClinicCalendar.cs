using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Clinics;

/// <summary>The one way for a page to know a clinic's time: its zone (UTC when the zone id is unknown to this machine),
/// through which instants are written for people in that zone, labelled with it.</summary>
public sealed class ClinicCalendar(SpeciosaDbContext db)
{
    /// <summary>The clinic's zone and its id as shown to people.</summary>
    public async Task<ClinicZone> ZoneAsync(Guid? clinicId, CancellationToken ct = default)
    {
        var name = clinicId is null ? null
            : await db.Clinics.AsNoTracking().Where(c => c.Id == clinicId).Select(c => c.TimeZone).FirstOrDefaultAsync(ct);
        return ClinicZone.Of(name);
    }
}

/// <summary>A clinic's time zone with the id people see.</summary>
public sealed record ClinicZone(TimeZoneInfo Zone, string Id)
{
    public static ClinicZone Utc { get; } = new(TimeZoneInfo.Utc, "UTC");

    public static ClinicZone Of(string? name) =>
        name is not null && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? new(zone, name) : Utc;

    /// <summary>"2026-11-30 14:05" in the clinic's zone (without the label, for tables whose header names the zone).</summary>
    public string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2026-11-30 14:05 (America/New_York)": an instant for people, in the clinic's zone, labelled.</summary>
    public string Labelled(DateTimeOffset at) => $"{Local(at)} ({Id})";
}
