using System.Globalization;

namespace Speciosa.Clinical.MentalHealth;

/// <summary>Mean standard drinks a day implied by AUDIT-C items 1 (how often) and 2 (drinks on a typical drinking day),
/// as a range: an estimate, not a measured intake (a typical day is not a mean day; item 3, heavy episodes, is not used).
/// <see cref="High"/> is null when item 2 is "10 or more" (no upper end). Meant for prefilling RUCAM's alcohol risk factor,
/// which asks whether intake is above 2 drinks a day (women) or 3 (men): only a range wholly above or wholly at or below
/// the limit answers it.</summary>
public sealed record AuditCDrinksPerDay(decimal Low, decimal? High, string Basis)
{
    /// <summary>True above <paramref name="limit"/> for sure, false at or below it for sure, null when the range straddles it.</summary>
    public bool? Above(decimal limit) => Low > limit ? true : High is { } high && high <= limit ? false : null;
}

public static class AuditCIntake
{
    // Item 1 answer → drinking days a day (low, high): never; monthly or less; 2–4 a month (30.4 days); 2–3 a week; 4+ a week.
    private static readonly (decimal Low, decimal High)[] Frequency =
        [(0m, 0m), (0m, 1m / 30.4m), (2m / 30.4m, 4m / 30.4m), (2m / 7m, 3m / 7m), (4m / 7m, 1m)];

    // Item 2 answer → drinks on a typical drinking day (low, high; null = open): 1–2, 3–4, 5–6, 7–9, 10+.
    private static readonly (decimal Low, decimal? High)[] Quantity = [(1m, 2m), (3m, 4m), (5m, 6m), (7m, 9m), (10m, null)];

    /// <summary>The range from a scored AUDIT-C's answers (item number → score 0–4); null when item 1 or 2 is missing.</summary>
    public static AuditCDrinksPerDay? DrinksPerDay(IReadOnlyDictionary<int, int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (!answers.TryGetValue(1, out var often) || !answers.TryGetValue(2, out var typical)
            || often is < 0 or > 4 || typical is < 0 or > 4)
        {
            return null;
        }

        var (fLow, fHigh) = Frequency[often];
        var (qLow, qHigh) = Quantity[typical];
        var low = Math.Round(fLow * qLow, 2);
        decimal? high = often == 0 ? 0m : qHigh is { } q ? Math.Round(fHigh * q, 2) : null;
        var basis = string.Create(CultureInfo.InvariantCulture,
            $"Estimated from AUDIT-C items 1 and 2 (how often × drinks on a typical drinking day): {low:0.##}–{(high is { } h ? h.ToString("0.##", CultureInfo.InvariantCulture) : "no upper end")} drinks a day; not a measured intake.");
        return new AuditCDrinksPerDay(low, high, basis);
    }
}
