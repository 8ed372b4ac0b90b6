namespace Speciosa.Clinical.Regimens;

/// <summary>The calendar day in the clinic's time zone on which an instant falls: daily limits, breaks and
/// regimen dates are clinic days, not UTC days.</summary>
public static class ClinicDay
{
    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo clinicZone)
    {
        ArgumentNullException.ThrowIfNull(clinicZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, clinicZone).DateTime);
    }
}
