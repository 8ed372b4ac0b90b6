using System.Globalization;

namespace Speciosa.Web.Clinics;

/// <summary>Reads the clinic-local "yyyy-MM-ddTHH:mm" of a datetime-local input as an instant, and writes one back.</summary>
public static class ClinicTime
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>The instant, or null when the text is empty, malformed, or a local time the clock skips (DST gap).</summary>
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || zone.IsInvalidTime(local))
        {
            return null;
        }

        var offset = zone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
    }

    /// <summary>The value for a datetime-local input in the zone.</summary>
    public static string InputValue(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
