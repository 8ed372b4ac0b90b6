using Speciosa.Clinical.CarePlans;
using Speciosa.Clinical.Reminders;
using Xunit;

namespace Speciosa.Clinical.Tests.Reminders;

/// <summary>Issue 14 item 6: reminders are sent for what is due, of kinds the patient wants, never in their quiet hours
/// (including hours spanning midnight and days the clock changes), with retries that back off. The clock is a parameter
/// (a fake clock: each test names the instant). Rules are this project's (LOCAL, no published source).</summary>
public class ReminderRulesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateOnly Day = new(2026, 11, 30);

    private static DateTimeOffset Local(DateOnly day, int hour, int minute = 0) => CarePlanSchedule.InstantOf(day, new TimeOnly(hour, minute), NewYork);

    private static ReminderPreferences Quiet(int fromHour, int untilHour) =>
        ReminderPreferences.Default with { Quiet = new QuietHours(new TimeOnly(fromHour, 0), new TimeOnly(untilHour, 0)) };

    [Fact]
    public void The_check_in_is_due_from_the_check_in_time_until_done()
    {
        var item = ReminderRules.CheckIn(Day, doneToday: false, new TimeOnly(9, 0), NewYork)!;

        Assert.Empty(ReminderRules.Due([item], ReminderPreferences.Default, Local(Day, 8, 59), NewYork));
        Assert.Equal([new ReminderToSend(ReminderKind.CheckIn, "check-in/2026-11-30")], ReminderRules.Due([item], ReminderPreferences.Default, Local(Day, 9), NewYork));
        Assert.Null(ReminderRules.CheckIn(Day, doneToday: true, new TimeOnly(9, 0), NewYork));
    }

    [Fact]
    public void Quiet_hours_within_a_day_hold_reminders_from_their_start_up_to_but_not_at_their_end()
    {
        var item = ReminderRules.CheckIn(Day, false, new TimeOnly(9, 0), NewYork)!;
        var prefs = Quiet(12, 14);

        Assert.Single(ReminderRules.Due([item], prefs, Local(Day, 11, 59), NewYork));
        Assert.Empty(ReminderRules.Due([item], prefs, Local(Day, 12), NewYork));
        Assert.Empty(ReminderRules.Due([item], prefs, Local(Day, 13, 59), NewYork));
        Assert.Single(ReminderRules.Due([item], prefs, Local(Day, 14), NewYork));
        Assert.Equal(Local(Day, 14), prefs.Quiet!.NextAllowed(Local(Day, 12, 30), NewYork));
    }

    [Fact]
    public void Quiet_hours_spanning_midnight_hold_the_evening_and_the_early_morning_and_end_the_next_day()
    {
        var prefs = Quiet(22, 7);
        var item = new DueItem(ReminderKind.Activity, "a", Local(Day, 21));

        Assert.Single(ReminderRules.Due([item], prefs, Local(Day, 21, 59), NewYork));
        Assert.Empty(ReminderRules.Due([item], prefs, Local(Day, 22), NewYork));
        Assert.Empty(ReminderRules.Due([item], prefs, Local(Day.AddDays(1), 0, 30), NewYork));
        Assert.Empty(ReminderRules.Due([item], prefs, Local(Day.AddDays(1), 6, 59), NewYork));
        Assert.Single(ReminderRules.Due([item], prefs, Local(Day.AddDays(1), 7), NewYork));
        Assert.Equal(Local(Day.AddDays(1), 7), prefs.Quiet!.NextAllowed(Local(Day, 23), NewYork));
        Assert.Equal(Local(Day.AddDays(1), 7), prefs.Quiet!.NextAllowed(Local(Day.AddDays(1), 3), NewYork));
    }

    [Fact]
    public void Quiet_hours_follow_the_clinic_clock_across_a_daylight_saving_change()
    {
        // 2027-03-14 02:00 EST → 03:00 EDT. Quiet 01:00–03:00: at 01:30 EST it ends at 03:00 EDT = 07:00 UTC, one hour later in UTC
        // than the day before (08:00 UTC at EST). Quiet until 02:30 (skipped that night) ends at the first minute after the gap.
        var prefs = Quiet(1, 3);
        var spring = new DateOnly(2027, 3, 14);

        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 0, 0, TimeSpan.Zero), prefs.Quiet!.NextAllowed(new DateTimeOffset(2027, 3, 14, 6, 30, 0, TimeSpan.Zero), NewYork));
        Assert.Equal(new DateTimeOffset(2027, 3, 13, 8, 0, 0, TimeSpan.Zero), prefs.Quiet!.NextAllowed(new DateTimeOffset(2027, 3, 13, 6, 30, 0, TimeSpan.Zero), NewYork));
        var skipped = new QuietHours(new TimeOnly(1, 0), new TimeOnly(2, 30));
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 30, 0, TimeSpan.Zero), skipped.NextAllowed(Local(spring, 1, 30), NewYork));

        // Fall back (2026-11-01 02:00 EDT → 01:00 EST): the repeated 01:00–02:00 is quiet both times.
        var fall = Quiet(1, 2).Quiet!;
        Assert.True(fall.Contains(new TimeOnly(1, 30)));
        var secondPass = new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero); // 01:30 EST
        Assert.Empty(ReminderRules.Due([new DueItem(ReminderKind.CheckIn, "c", secondPass.AddHours(-3))], Quiet(1, 2), secondPass, NewYork));
    }

    [Fact]
    public void Equal_from_and_until_mean_no_quiet_hours()
    {
        var prefs = Quiet(8, 8);

        Assert.True(prefs.Quiet!.IsEmpty);
        Assert.Single(ReminderRules.Due([new DueItem(ReminderKind.CheckIn, "c", Local(Day, 7))], prefs, Local(Day, 8), NewYork));
    }

    [Fact]
    public void A_kind_the_patient_opted_out_of_is_never_sent()
    {
        var items = new[] { new DueItem(ReminderKind.CheckIn, "c", Local(Day, 9)), new DueItem(ReminderKind.Activity, "a", Local(Day, 9)) };

        Assert.Equal(["a"], ReminderRules.Due(items, ReminderPreferences.Default with { CheckIn = false }, Local(Day, 10), NewYork).Select(r => r.Key));
        Assert.Equal(["c"], ReminderRules.Due(items, ReminderPreferences.Default with { Activities = false }, Local(Day, 10), NewYork).Select(r => r.Key));
    }

    [Fact]
    public void Activities_not_yet_recorded_are_due_at_their_scheduled_time()
    {
        var walk = new PlannedActivity(Guid.Parse("00000000-0000-0000-0000-00000000000a"), "exercise", "Walk",
            new ActivitySchedule([DayOfWeek.Monday], [new TimeOnly(18, 0), new TimeOnly(8, 0)]), "goal", null);
        var plan = new[] { new PlanVersionSnapshot(1, Local(Day.AddDays(-7), 9), [walk]) };
        var records = new[] { new OccurrenceRecord(walk.Id, Day, new TimeOnly(8, 0), OccurrenceOutcome.Done) };

        var items = ReminderRules.Activities(CarePlanToday.On(plan, records, NewYork, Day));

        var item = Assert.Single(items);
        Assert.Equal("activity/0000000000000000000000000000000a/2026-11-30/18:00", item.Key);
        Assert.Empty(ReminderRules.Due(items, ReminderPreferences.Default, Local(Day, 17, 59), NewYork));
        Assert.Single(ReminderRules.Due(items, ReminderPreferences.Default, Local(Day, 18), NewYork));
    }

    [Fact]
    public void Retries_back_off_1_2_4_8_minutes_and_stop_after_five_attempts()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), ReminderRules.RetryAfter(1));
        Assert.Equal(TimeSpan.FromMinutes(2), ReminderRules.RetryAfter(2));
        Assert.Equal(TimeSpan.FromMinutes(4), ReminderRules.RetryAfter(3));
        Assert.Equal(TimeSpan.FromMinutes(8), ReminderRules.RetryAfter(4));
        Assert.Null(ReminderRules.RetryAfter(5));
    }

    [Fact]
    public void Quiet_hours_are_read_as_two_clock_times_or_none()
    {
        Assert.True(QuietHours.TryParse("22:00", "07:00", out var hours));
        Assert.Equal(new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)), hours);
        Assert.True(QuietHours.TryParse("", " ", out var none));
        Assert.Null(none);
        Assert.False(QuietHours.TryParse("22:00", "", out _));
        Assert.False(QuietHours.TryParse("10pm", "07:00", out _));
    }
}
