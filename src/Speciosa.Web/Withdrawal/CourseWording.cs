using System.Globalization;
using Speciosa.Clinical.Withdrawal.Course;

namespace Speciosa.Web.Withdrawal;

/// <summary>Words for the expected course on pages: the phase as a clinician would say it, and a window as
/// hours/days after last use with clinic-local times labelled with the clinic's time zone id.</summary>
public static class CourseWording
{
    /// <summary>"in the expected onset window" for the API's phase name "OnsetWindow"; unknown names pass through.</summary>
    public static string Phase(string phaseName) =>
        Enum.TryParse<WithdrawalPhase>(phaseName, out var phase) ? Phase(phase) : phaseName;

    public static string Phase(WithdrawalPhase phase) => phase switch
    {
        WithdrawalPhase.BeforeEpisode => "before the last use that starts this episode",
        WithdrawalPhase.NotKnown => "not known (no expected course in the knowledge data)",
        WithdrawalPhase.BeforeExpectedOnset => "before the expected onset",
        WithdrawalPhase.OnsetWindow => "in the expected onset window",
        WithdrawalPhase.BeforePeak => "past onset, before the expected peak",
        WithdrawalPhase.AfterOnset => "past onset (no peak figures for this course)",
        WithdrawalPhase.PeakWindow => "in the expected peak window",
        WithdrawalPhase.AfterPeak => "past the expected peak",
        WithdrawalPhase.AcuteEndWindow => "in the window where acute symptoms are expected to end",
        WithdrawalPhase.PastExpectedDuration => "past the expected end of acute withdrawal",
        _ => phase.ToString(),
    };

    /// <summary>"6–12 h after last use" or, when both ends are equal, "about 240 h (10 days) after last use".</summary>
    public static string Hours(int fromHours, int toHours) => fromHours == toHours
        ? $"about {fromHours} h{Days(fromHours)} after last use"
        : $"{fromHours}–{toHours} h{DaysRange(fromHours, toHours)} after last use";

    /// <summary>"2025-11-30 04:37 to 2025-12-01 10:37" in the zone, or one time when both ends are equal.</summary>
    public static string Times(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone) => from == to
        ? Local(from, zone)
        : $"{Local(from, zone)} to {Local(to, zone)}";

    public static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Days(int hours) => hours >= 48 && hours % 24 == 0 ? $" ({hours / 24} days)" : "";

    private static string DaysRange(int fromHours, int toHours) =>
        toHours >= 48 && fromHours % 24 == 0 && toHours % 24 == 0 ? $" ({fromHours / 24}–{toHours / 24} days)" : "";
}
