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

    /// <summary>The loss-of-tolerance warning in plain words, shown beside the phase once acute withdrawal is expected to be
    /// ending or over (audit §2.6): the weeks after withdrawal are the highest overdose-risk window, and "past the expected
    /// end" must not read as "safe now". Shown to patients too, so it names no threshold or rule.</summary>
    public const string LossOfToleranceWarning =
        "Important: after withdrawal your body loses its tolerance to opioids within days. The amount you used to take, of any " +
        "opioid or of kratom, could now stop your breathing and kill you. Feeling better does not mean it is safe to use again. " +
        "If you do use, take much less, do not use alone, and keep naloxone (Narcan) with you and tell someone where it is.";

    /// <summary>The loss-of-tolerance warning for <paramref name="phaseName"/> (the API's phase name), or null before the end window.</summary>
    public static string? Warning(string phaseName) =>
        Enum.TryParse<WithdrawalPhase>(phaseName, out var phase) && phase is WithdrawalPhase.AcuteEndWindow or WithdrawalPhase.PastExpectedDuration
            ? LossOfToleranceWarning
            : null;

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
