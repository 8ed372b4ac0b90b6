using Speciosa.Clinical.Regimens;

namespace Speciosa.Clinical.Tests.Regimens;

/// <summary>Shared test fixtures: a clinic day in UTC and a plain order.</summary>
internal static class Regimens
{
    public static readonly DateOnly Start = new(2026, 3, 1);

    public static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    /// <summary>2 g per administration, 6 g a day, 3 administrations a day (the test's own order), 1–31 March 2026.</summary>
    public static RegimenOrder Order(decimal gramsPerAdministration = 2m, decimal maxGramsPerDay = 6m) =>
        new(gramsPerAdministration, maxGramsPerDay, Start, new DateOnly(2026, 3, 31), 3);

    public static DateOnly Day(int dayOfRegimen) => Start.AddDays(dayOfRegimen - 1);

    public static DateTimeOffset At(DateOnly day, int hour = 9) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    public static ScoreReading Cows(DateOnly day, int total, int hour = 8) => new(WithdrawalScale.Cows, At(day, hour), total, ScoreRater.Staff);

    /// <summary>A SOWS recorded by staff.</summary>
    public static ScoreReading Sows(DateOnly day, int total, int hour = 8) => new(WithdrawalScale.Sows, At(day, hour), total, ScoreRater.Staff);

    /// <summary>A SOWS the patient recorded themselves.</summary>
    public static ScoreReading OwnSows(DateOnly day, int total, int hour = 8) => new(WithdrawalScale.Sows, At(day, hour), total, ScoreRater.Patient);

    /// <summary>A clinician's confirmation of step <paramref name="number"/> on a day.</summary>
    public static TitrationDecision Confirm(int number, decimal grams, DateOnly day, int hour = 10) => new(number, grams, true, At(day, hour));

    /// <summary>A clinician's decline of step <paramref name="number"/> on a day.</summary>
    public static TitrationDecision Decline(int number, decimal grams, DateOnly day, int hour = 10) => new(number, grams, false, At(day, hour));
}
