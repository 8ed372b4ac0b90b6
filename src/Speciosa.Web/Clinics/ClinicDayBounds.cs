namespace Speciosa.Web.Clinics;

/// <summary>A clinic day as the instants it spans, for queries on stored times ("recorded today" in the clinic's zone).</summary>
public static class ClinicDayBounds
{
    /// <summary>From the start of <paramref name="day"/> in the zone (inclusive) to the start of the next day (exclusive), in UTC.
    /// A midnight a clock change skips starts the day at the first valid minute after it.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Of(this ClinicZone zone, DateOnly day) =>
        (Start(zone.Zone, day), Start(zone.Zone, day.AddDays(1)));

    private static DateTimeOffset Start(TimeZoneInfo zone, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
