using System.Globalization;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>The date a legal status took (or takes) effect, only as precise as its source: "2025-08-01",
/// "2016-05", "2014" or "unconfirmed". A partial date counts from its first day (a year-only ban is treated
/// as in force from 1 January), and an unconfirmed one as in force and older than any dated entry; the
/// precision is always shown so nobody mistakes it for a published day.</summary>
public sealed record EffectiveDate(DateOnly? FirstDay, DatePrecision Precision)
{
    public const string UnconfirmedText = "unconfirmed";

    public static EffectiveDate Unconfirmed { get; } = new(null, DatePrecision.Unconfirmed);

    public static EffectiveDate On(DateOnly day) => new(day, DatePrecision.Day);

    /// <summary>Whether the status has begun by <paramref name="today"/> (inclusive).</summary>
    public bool HasBegunBy(DateOnly today) => FirstDay is not { } first || first <= today;

    /// <summary>Orders entries for one place: unconfirmed dates first, then by first day.</summary>
    public DateOnly SortKey => FirstDay ?? DateOnly.MinValue;

    public static bool TryParse(string? text, out EffectiveDate date)
    {
        date = Unconfirmed;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (string.Equals(value, UnconfirmedText, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var culture = CultureInfo.InvariantCulture;
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", culture, DateTimeStyles.None, out var day))
        {
            date = new EffectiveDate(day, DatePrecision.Day);
            return true;
        }

        if (value.Length == 7 && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", culture, DateTimeStyles.None, out var month))
        {
            date = new EffectiveDate(month, DatePrecision.Month);
            return true;
        }

        if (value.Length == 4 && DateOnly.TryParseExact(value + "-01-01", "yyyy-MM-dd", culture, DateTimeStyles.None, out var year))
        {
            date = new EffectiveDate(year, DatePrecision.Year);
            return true;
        }

        return false;
    }

    public override string ToString()
    {
        var culture = CultureInfo.InvariantCulture;
        return (FirstDay, Precision) switch
        {
            ({ } d, DatePrecision.Day) => d.ToString("yyyy-MM-dd", culture),
            ({ } d, DatePrecision.Month) => d.ToString("yyyy-MM", culture) + " (month only)",
            ({ } d, DatePrecision.Year) => d.ToString("yyyy", culture) + " (year only)",
            _ => "date unconfirmed",
        };
    }
}
