using System.Globalization;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Regimens;

namespace Speciosa.Clinical.Treatment;

public enum ToleranceEventKind
{
    /// <summary>The taper calendar's entry of 0 g a day started.</summary>
    TaperReachedZero,

    /// <summary>A planned break (days with no doses) started.</summary>
    PlannedBreak,

    /// <summary>Consecutive days of the order with no dose recorded.</summary>
    MissedDays,
}

/// <summary>A regimen as the tolerance watch sees it: an id for the condition key, its current version and its order.</summary>
public sealed record WatchedRegimen(string Id, int Version, RegimenOrder Order);

/// <summary>An event after which the patient's tolerance may have fallen: from <see cref="From"/> to <see cref="To"/>
/// (the last missed day or the break's last day; the zero day for a taper).</summary>
public sealed record ToleranceEvent(ToleranceEventKind Kind, WatchedRegimen Regimen, DateOnly From, DateOnly To, int Days, string ConditionKey);

/// <summary>How many consecutive days without a dose count as a loss-of-tolerance event; <see cref="IsSoftwareDefault"/>
/// when the clinic has not set it (shown as "software default, not a clinic decision").</summary>
public sealed record ToleranceSettings(int MissedDays, bool IsSoftwareDefault)
{
    /// <summary>The software's figure when the clinic sets none (LOCAL-MISSED-DAYS, UNCONFIRMED).</summary>
    public const int SoftwareDefaultMissedDays = 3;
}

/// <summary>Loss of tolerance (clinical audit section 3.2): a warning to patient and staff when a taper reaches zero, when a
/// planned break starts, and after a configurable number of consecutive days of the order without a recorded dose. Each
/// event is reported from the day it happens until <see cref="WarningWindowDays"/> after it ends, so that a sweep
/// finds it once and an old taper does not alert when the rule is installed. Pure: the day is passed in.</summary>
public static class ToleranceWatch
{
    /// <summary>How long after an event the warning is still raised (this project's choice; LOCAL-TOLERANCE).</summary>
    public const int WarningWindowDays = 14;

    /// <summary>How far back the missed-day scan looks.</summary>
    public const int LookBackDays = 90;

    public static IReadOnlyList<ToleranceEvent> Events(IReadOnlyList<WatchedRegimen> regimens, IReadOnlySet<DateOnly> doseDays, DateOnly today,
        ToleranceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(regimens);
        ArgumentNullException.ThrowIfNull(doseDays);
        ArgumentNullException.ThrowIfNull(settings);
        var events = new List<ToleranceEvent>();
        foreach (var regimen in regimens)
        {
            var order = regimen.Order;
            if (ZeroDay(order) is { } zero && Recent(zero, zero, today))
            {
                events.Add(new(ToleranceEventKind.TaperReachedZero, regimen, zero, zero, 0, $"regimen/{regimen.Id}/tolerance:taper-zero:{Iso(zero)}"));
            }

            foreach (var b in order.Breaks.Where(b => Recent(b.FirstDay, b.LastDay, today)))
            {
                events.Add(new(ToleranceEventKind.PlannedBreak, regimen, b.FirstDay, b.LastDay, b.LastDay.DayNumber - b.FirstDay.DayNumber + 1,
                    $"regimen/{regimen.Id}/tolerance:break:{Iso(b.FirstDay)}"));
            }

            events.AddRange(Gaps(regimen, doseDays, today, settings.MissedDays));
        }

        return events;
    }

    /// <summary>The day the taper calendar's first 0 g entry starts, if it has one and the order still covers that day.</summary>
    public static DateOnly? ZeroDay(RegimenOrder order) =>
        order.Taper?.Entries.FirstOrDefault(e => e.GramsPerDay == 0m)?.StartsOn is { } day && day >= order.StartDate
            && (order.EndDate is not { } end || day <= end.AddDays(1))
            ? day : null;

    /// <summary>The staff alert for each event, with its inputs, threshold and source.</summary>
    public static IReadOnlyList<Alert> Alerts(IReadOnlyList<ToleranceEvent> events, ToleranceSettings settings, DateOnly today) =>
        events.Select(e => Alert(e, settings, today)).ToList();

    private static Alert Alert(ToleranceEvent e, ToleranceSettings settings, DateOnly today)
    {
        const string Then = " Tolerance to opioids falls within days, so an amount of kratom or any opioid the patient took before can now cause "
            + "an overdose. Tell the patient (their overview shows the same warning in plain words), check that naloxone is in hand, "
            + "and agree what they take from now on.";
        var regimenInputs = new List<AlertInput> { new("Regimen version", e.Regimen.Version.ToString(CultureInfo.InvariantCulture)) };
        return e.Kind switch
        {
            ToleranceEventKind.TaperReachedZero => new Alert(TreatmentAlertRules.ToleranceTaperZero, e.ConditionKey,
                $"The taper reached zero on {DosingText.Day(e.From)}." + Then,
                [.. regimenInputs, new("Taper entry of 0 g a day from", Iso(e.From)),
                    new("Last entry above zero", LastAboveZero(e.Regimen.Order) ?? "none"), new("Today", Iso(today))],
                $"A taper calendar entry of 0 g a day has started (warning raised once, up to {WarningWindowDays} days after)"),
            ToleranceEventKind.PlannedBreak => new Alert(TreatmentAlertRules.ToleranceAfterBreak, e.ConditionKey,
                $"A planned break runs from {DosingText.Day(e.From)} to {DosingText.Day(e.To)} ({Days(e.Days)})." + Then,
                [.. regimenInputs, new("Break", $"{Iso(e.From)} to {Iso(e.To)}"), new("Reason given", e.Regimen.Order.BreakOn(e.From)?.Reason ?? "none"),
                    new("Today", Iso(today))],
                $"A planned break has started (warning raised once, from its first day until {WarningWindowDays} days after its last)"),
            _ => new Alert(TreatmentAlertRules.ToleranceMissedDays, e.ConditionKey,
                $"No dose is recorded on {Days(e.Days)} in a row, {DosingText.Day(e.From)} to {DosingText.Day(e.To)}." + Then,
                [.. regimenInputs, new("Days without a recorded dose", e.Days.ToString(CultureInfo.InvariantCulture)),
                    new("From", Iso(e.From)), new("To", Iso(e.To)), new("Today", Iso(today))],
                $"{settings.MissedDays} or more consecutive days of the order without a recorded dose"
                + (settings.IsSoftwareDefault ? " (software default, not a clinic decision; UNCONFIRMED)" : " (clinic configuration; UNCONFIRMED)")),
        };
    }

    private static IEnumerable<ToleranceEvent> Gaps(WatchedRegimen regimen, IReadOnlySet<DateOnly> doseDays, DateOnly today, int threshold)
    {
        var order = regimen.Order;
        var first = order.StartDate > today.AddDays(-LookBackDays) ? order.StartDate : today.AddDays(-LookBackDays);
        DateOnly? gapStart = null;
        var length = 0;
        for (var day = first; day < today; day = day.AddDays(1))
        {
            var expected = order.Covers(day) && order.BreakOn(day) is null && order.Taper?.EntryOn(day) is not { GramsPerDay: 0m };
            if (expected && !doseDays.Contains(day))
            {
                gapStart ??= day;
                length++;
                continue;
            }

            if (gapStart is { } s && length >= threshold && Recent(s, day.AddDays(-1), today))
            {
                yield return Gap(regimen, s, length);
            }

            gapStart = null;
            length = 0;
        }

        if (gapStart is { } start && length >= threshold)
        {
            yield return Gap(regimen, start, length);
        }
    }

    private static ToleranceEvent Gap(WatchedRegimen regimen, DateOnly start, int length) =>
        new(ToleranceEventKind.MissedDays, regimen, start, start.AddDays(length - 1), length, $"regimen/{regimen.Id}/tolerance:missed-from:{Iso(start)}");

    private static bool Recent(DateOnly from, DateOnly to, DateOnly today) => from <= today && today <= to.AddDays(WarningWindowDays);

    private static string? LastAboveZero(RegimenOrder order) =>
        order.Taper?.Entries.LastOrDefault(e => e.GramsPerDay > 0m) is { } e
            ? $"{e.GramsPerDay.ToString("0.###", CultureInfo.InvariantCulture)} g a day from {Iso(e.StartsOn)}" : null;

    private static string Days(int n) => n == 1 ? "1 day" : $"{n} days";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
