namespace Speciosa.Clinical.Regimens;

/// <summary>Grams and administrations logged on one clinic day.</summary>
public sealed record DailyIntake(DateOnly Day, decimal Grams, int Administrations)
{
    /// <summary>Totals the logged doses (staff-given and patient-reported alike: what happened) by clinic day.</summary>
    public static IReadOnlyList<DailyIntake> From(IEnumerable<DoseRecord> doses, TimeZoneInfo clinicZone)
    {
        ArgumentNullException.ThrowIfNull(doses);
        return doses
            .GroupBy(d => ClinicDay.Of(d.TakenAt, clinicZone))
            .Select(g => new DailyIntake(g.Key, g.Sum(d => d.Grams), g.Count()))
            .OrderBy(d => d.Day)
            .ToList();
    }
}
