using Speciosa.Clinical.CarePlans;
using Xunit;

namespace Speciosa.Clinical.Tests.CarePlans;

/// <summary>Issue 14 item 5: care-plan adherence per activity and per week, counted in the clinic's zone (weeks Monday to
/// Sunday). The rule is this project's (LOCAL-CARE-PLAN): due occurrences whose time has come (or that were recorded)
/// against those done or attended.</summary>
public class CarePlanAdherenceTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly Guid Walk = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Group = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    // Monday 2026-11-30 is the start of a week.
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private static PlannedActivity Activity(Guid id, string kind, DayOfWeek[] days, params string[] times) =>
        new(id, kind, kind, new ActivitySchedule(days, times.Select(TimeOnly.Parse).ToList()), "goal", null);

    private static readonly DayOfWeek[] EveryDay = [.. CarePlanRules.Week];

    private static DateTimeOffset Local(DateOnly day, int hour, int minute = 0) =>
        CarePlanSchedule.InstantOf(day, new TimeOnly(hour, minute), NewYork);

    private static OccurrenceRecord Done(Guid id, DateOnly day, string time) => new(id, day, TimeOnly.Parse(time), OccurrenceOutcome.Done);

    private static WeekAdherence Week(IReadOnlyList<PlanVersionSnapshot> versions, IReadOnlyList<OccurrenceRecord> records, DateTimeOffset now, DateOnly? week = null) =>
        Assert.Single(CarePlanAdherence.Weekly(versions, records, NewYork, now, week ?? Monday, week ?? Monday));

    [Fact]
    public void A_daily_activity_done_on_five_of_seven_days_is_71_percent_at_the_end_of_the_week()
    {
        var plan = new[] { new PlanVersionSnapshot(1, Local(Monday.AddDays(-7), 9), [Activity(Walk, "exercise", EveryDay, "18:00")]) };
        var records = Enumerable.Range(0, 5).Select(d => Done(Walk, Monday.AddDays(d), "18:00")).ToList();

        var week = Week(plan, records, Local(Monday.AddDays(7), 0));

        Assert.Equal(new AdherenceFigure(7, 5), week.Overall);
        Assert.Equal(71, week.Overall.Percent);
        Assert.Equal("5 of 7 done (71 %)", Assert.Single(week.Activities).Figure.InWords);
    }

    [Fact]
    public void An_occurrence_is_due_at_its_time_not_a_minute_before()
    {
        var plan = new[] { new PlanVersionSnapshot(1, Local(Monday.AddDays(-7), 9), [Activity(Walk, "exercise", EveryDay, "18:00")]) };

        Assert.Equal(new AdherenceFigure(0, 0), Week(plan, [], Local(Monday, 17, 59)).Overall);
        Assert.Equal(new AdherenceFigure(1, 0), Week(plan, [], Local(Monday, 18)).Overall);
    }

    [Fact]
    public void Nothing_due_is_not_applicable_rather_than_0_or_100_percent()
    {
        var plan = new[] { new PlanVersionSnapshot(1, Local(Monday, 9), [Activity(Group, "support-group", [DayOfWeek.Thursday], "19:00")]) };

        var week = Week(plan, [], Local(Monday.AddDays(2), 12));

        Assert.False(week.Overall.Applicable);
        Assert.Null(week.Overall.Percent);
        Assert.Equal("not applicable (nothing was due)", week.Overall.InWords);
        Assert.Null(Assert.Single(week.Activities).Figure.Percent);
        Assert.Empty(Week([], [], Local(Monday.AddDays(7), 0)).Activities);
        Assert.False(Week([], [], Local(Monday.AddDays(7), 0)).Overall.Applicable);
    }

    [Fact]
    public void Sunday_late_evening_belongs_to_its_week_and_Monday_midnight_to_the_next()
    {
        var plan = new[] { new PlanVersionSnapshot(1, Local(Monday.AddDays(-7), 9), [
            Activity(Walk, "exercise", [DayOfWeek.Sunday], "23:59"), Activity(Group, "mindfulness", [DayOfWeek.Monday], "00:00")]) };
        var now = Local(Monday.AddDays(14), 12);
        var weeks = CarePlanAdherence.Weekly(plan, [Done(Walk, Monday.AddDays(6), "23:59")], NewYork, now, Monday, Monday.AddDays(7));

        Assert.Equal([Monday, Monday.AddDays(7)], weeks.Select(w => w.WeekStart));
        Assert.Equal(new AdherenceFigure(1, 1), weeks[0].Activities.Single(a => a.ActivityId == Walk).Figure);
        Assert.Equal(new AdherenceFigure(1, 0), weeks[0].Activities.Single(a => a.ActivityId == Group).Figure);
        Assert.Equal(new AdherenceFigure(1, 0), weeks[1].Activities.Single(a => a.ActivityId == Group).Figure);
        Assert.Equal(new AdherenceFigure(2, 1), weeks[0].Overall);
    }

    [Fact]
    public void Any_day_of_a_week_names_the_same_Monday()
    {
        for (var d = 0; d < 7; d++)
        {
            Assert.Equal(Monday, CarePlanSchedule.WeekStart(Monday.AddDays(d)));
        }

        Assert.Equal(Monday.AddDays(7), CarePlanSchedule.WeekStart(Monday.AddDays(7)));
    }

    [Fact]
    public void The_spring_forward_week_still_has_seven_daily_occurrences_and_a_skipped_time_moves_forward()
    {
        // 2027-03-14: New York clocks go from 02:00 to 03:00 (week Monday 2027-03-08).
        var monday = new DateOnly(2027, 3, 8);
        var plan = new[] { new PlanVersionSnapshot(1, Local(monday.AddDays(-7), 9), [Activity(Walk, "sleep-routine", EveryDay, "02:30")]) };

        var occurrences = CarePlanSchedule.Occurrences(plan, NewYork, monday, monday.AddDays(6));

        Assert.Equal(7, occurrences.Count);
        var sunday = occurrences.Single(o => o.Day == new DateOnly(2027, 3, 14));
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 30, 0, TimeSpan.Zero), sunday.At);
        Assert.Equal(new TimeOnly(3, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(sunday.At, NewYork).DateTime));
        Assert.Equal(new AdherenceFigure(7, 0), Week(plan, [], Local(monday.AddDays(7), 0), monday).Overall);
    }

    [Fact]
    public void The_fall_back_week_counts_a_repeated_local_time_once_at_its_first_instant()
    {
        // 2026-11-01: New York clocks go from 02:00 EDT back to 01:00 EST (week Monday 2026-10-26).
        var monday = new DateOnly(2026, 10, 26);
        var plan = new[] { new PlanVersionSnapshot(1, Local(monday.AddDays(-7), 9), [Activity(Walk, "mindfulness", EveryDay, "01:30")]) };

        var occurrences = CarePlanSchedule.Occurrences(plan, NewYork, monday, monday.AddDays(6));

        Assert.Equal(7, occurrences.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), occurrences.Single(o => o.Day == new DateOnly(2026, 11, 1)).At);
        Assert.Equal(new AdherenceFigure(6, 0), Week(plan, [], new DateTimeOffset(2026, 11, 1, 5, 29, 0, TimeSpan.Zero), monday).Overall);
        Assert.Equal(new AdherenceFigure(7, 0), Week(plan, [], new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), monday).Overall);
    }

    [Fact]
    public void A_plan_changed_mid_week_counts_the_old_schedule_before_the_change_and_the_new_one_after()
    {
        // Version 1: every day at 18:00. Version 2 (Thursday 12:00): Monday, Wednesday and Friday at 08:00 only.
        var v1 = new PlanVersionSnapshot(1, Local(Monday.AddDays(-7), 9), [Activity(Walk, "exercise", EveryDay, "18:00")]);
        var v2 = new PlanVersionSnapshot(2, Local(Monday.AddDays(3), 12), [Activity(Walk, "exercise", [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], "08:00")]);
        var records = new[] { Done(Walk, Monday, "18:00"), Done(Walk, Monday.AddDays(1), "18:00"), Done(Walk, Monday.AddDays(4), "08:00"),
            // Thursday 18:00 was dropped by version 2 before it came: a record for it counts for nothing.
            Done(Walk, Monday.AddDays(3), "18:00") };

        var occurrences = CarePlanSchedule.Occurrences([v1, v2], NewYork, Monday, Monday.AddDays(6));
        var week = Week([v1, v2], records, Local(Monday.AddDays(7), 0));

        // Mon, Tue, Wed 18:00 (v1) and Fri 08:00 (v2).
        Assert.Equal([(Monday, "18:00"), (Monday.AddDays(1), "18:00"), (Monday.AddDays(2), "18:00"), (Monday.AddDays(4), "08:00")],
            occurrences.Select(o => (o.Day, o.Time.ToString("HH:mm"))));
        Assert.Equal(new AdherenceFigure(4, 3), week.Overall);
        Assert.Equal(new AdherenceFigure(4, 3), Assert.Single(week.Activities).Figure);
    }

    [Fact]
    public void An_activity_added_late_in_the_week_is_due_only_from_when_it_was_added()
    {
        var v1 = new PlanVersionSnapshot(1, Local(Monday.AddDays(-7), 9), [Activity(Walk, "exercise", EveryDay, "18:00")]);
        var v2 = new PlanVersionSnapshot(2, Local(Monday.AddDays(5), 19), [Activity(Walk, "exercise", EveryDay, "18:00"), Activity(Group, "mindfulness", EveryDay, "08:00")]);

        var week = Week([v1, v2], [Done(Group, Monday.AddDays(6), "08:00")], Local(Monday.AddDays(7), 0));

        Assert.Equal(new AdherenceFigure(1, 1), week.Activities.Single(a => a.ActivityId == Group).Figure);
        Assert.Equal(new AdherenceFigure(7, 0), week.Activities.Single(a => a.ActivityId == Walk).Figure);
        Assert.Equal(new AdherenceFigure(8, 1), week.Overall);
    }

    [Fact]
    public void A_removed_activity_is_not_due_after_the_change_but_still_counts_before_it()
    {
        var v1 = new PlanVersionSnapshot(1, Local(Monday.AddDays(-7), 9), [Activity(Walk, "exercise", EveryDay, "18:00")]);
        var v2 = new PlanVersionSnapshot(2, Local(Monday.AddDays(2), 9), []);

        var week = Week([v1, v2], [Done(Walk, Monday, "18:00")], Local(Monday.AddDays(7), 0));

        Assert.Equal(new AdherenceFigure(2, 1), Assert.Single(week.Activities).Figure);
        Assert.False(Week([v1, v2], [], Local(Monday.AddDays(14), 0), Monday.AddDays(7)).Overall.Applicable);
    }

    [Fact]
    public void Attended_counts_missed_does_not_and_done_early_today_counts_as_due_and_done()
    {
        var plan = new[] { new PlanVersionSnapshot(1, Local(Monday.AddDays(-7), 9), [
            Activity(Group, "support-group", [DayOfWeek.Monday, DayOfWeek.Tuesday], "10:00"), Activity(Walk, "exercise", [DayOfWeek.Wednesday], "18:00")]) };
        var records = new[]
        {
            new OccurrenceRecord(Group, Monday, new TimeOnly(10, 0), OccurrenceOutcome.Attended),
            new OccurrenceRecord(Group, Monday.AddDays(1), new TimeOnly(10, 0), OccurrenceOutcome.Missed),
            Done(Walk, Monday.AddDays(2), "18:00"),
        };

        var week = Week(plan, records, Local(Monday.AddDays(2), 9));

        Assert.Equal(new AdherenceFigure(2, 1), week.Activities.Single(a => a.ActivityId == Group).Figure);
        Assert.Equal(new AdherenceFigure(1, 1), week.Activities.Single(a => a.ActivityId == Walk).Figure);
        Assert.Equal(new AdherenceFigure(3, 2), week.Overall);
    }

    [Fact]
    public void Half_a_percent_rounds_away_from_zero()
    {
        Assert.Equal(13, new AdherenceFigure(8, 1).Percent); // 12.5
        Assert.Equal(100, new AdherenceFigure(3, 3).Percent);
        Assert.Equal(0, new AdherenceFigure(3, 0).Percent);
    }

    [Fact]
    public void Today_lists_each_time_of_each_activity_due_on_the_day_with_whether_it_is_done()
    {
        var plan = new[] { new PlanVersionSnapshot(1, Local(Monday.AddDays(-7), 9), [
            Activity(Walk, "exercise", [DayOfWeek.Monday], "08:00", "18:00"), Activity(Group, "support-group", [DayOfWeek.Tuesday], "10:00")]) };

        var today = CarePlanToday.On(plan, [Done(Walk, Monday, "08:00")], NewYork, Monday);

        Assert.Equal([(Walk, "08:00", true), (Walk, "18:00", false)], today.Select(t => (t.Occurrence.Activity.Id, t.Occurrence.Time.ToString("HH:mm"), t.Done)));
    }
}

/// <summary>Issue 14 item 5: a plan version is refused, field by field, unless each activity has a known kind, days, times
/// and a goal, and the change has a reason.</summary>
public class CarePlanRulesTests
{
    private static readonly Guid Existing = Guid.NewGuid();

    private static ActivityInput Valid(Guid? id = null) => new(id, "exercise", "Walk", ["Monday", "Friday"], ["18:00"], "Walk 20 minutes", null);

    [Fact]
    public void A_valid_plan_keeps_known_ids_gives_new_activities_one_and_orders_days_and_times()
    {
        var fresh = Guid.NewGuid();
        var (activities, errors) = CarePlanRules.Check(
            [Valid(Existing), new(null, "mindfulness", "", ["Sunday", "monday"], ["21:00", "07:30", "07:30"], "Ten quiet minutes", " ")],
            "First plan", new HashSet<Guid> { Existing }, () => fresh);

        Assert.Empty(errors);
        Assert.Equal(Existing, activities[0].Id);
        Assert.Equal(fresh, activities[1].Id);
        Assert.Equal("Mindfulness", activities[1].Title);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Sunday], activities[1].Schedule.Days);
        Assert.Equal([new TimeOnly(7, 30), new TimeOnly(21, 0)], activities[1].Schedule.Times);
        Assert.Null(activities[1].Notes);
    }

    [Fact]
    public void Each_wrong_field_is_named_with_what_is_allowed_and_nothing_is_returned()
    {
        var (activities, errors) = CarePlanRules.Check(
            [new(Guid.NewGuid(), "kratom", null, [], ["6pm"], "", null), new(null, "exercise", null, ["Funday"], [], "x", null)],
            " ", new HashSet<Guid>(), Guid.NewGuid);

        Assert.Empty(activities);
        Assert.Equal(["activities[0].days", "activities[0].goal", "activities[0].id", "activities[0].kind", "activities[0].times",
            "activities[1].days", "activities[1].times", "reason"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("counselling, support-group, peer-support, exercise, mindfulness, sleep-routine, other", errors["activities[0].kind"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_activity_twice_and_more_than_four_times_a_day_are_refused()
    {
        var (_, errors) = CarePlanRules.Check([Valid(Existing), Valid(Existing) with { Times = ["06:00", "08:00", "10:00", "12:00", "14:00"] }],
            "why", new HashSet<Guid> { Existing }, Guid.NewGuid);

        Assert.True(errors.ContainsKey("activities[1].id"));
        Assert.True(errors.ContainsKey("activities[1].times"));
    }

    [Fact]
    public void A_patient_says_how_it_went_from_1_to_5_and_staff_give_a_reason_for_a_missed_session()
    {
        Assert.Empty(CarePlanRules.CheckRecord(OccurrenceOutcome.Done, 3, null, null));
        Assert.True(CarePlanRules.CheckRecord(OccurrenceOutcome.Done, null, null, null).ContainsKey("rating"));
        Assert.True(CarePlanRules.CheckRecord(OccurrenceOutcome.Done, 6, null, null).ContainsKey("rating"));
        Assert.True(CarePlanRules.CheckRecord(OccurrenceOutcome.Done, 0, null, null).ContainsKey("rating"));
        Assert.Empty(CarePlanRules.CheckRecord(OccurrenceOutcome.Attended, null, null, null));
        Assert.True(CarePlanRules.CheckRecord(OccurrenceOutcome.Missed, null, null, " ").ContainsKey("reason"));
        Assert.Empty(CarePlanRules.CheckRecord(OccurrenceOutcome.Missed, null, null, "unwell"));
    }

    [Fact]
    public void The_catalogue_lists_the_seven_kinds_with_plain_descriptions_and_makes_no_treatment_claim()
    {
        var catalogue = ActivityCatalogue.Default;

        Assert.Equal(["counselling", "support-group", "peer-support", "exercise", "mindfulness", "sleep-routine", "other"], catalogue.Kinds.Select(k => k.Id));
        Assert.All(catalogue.Kinds, k => Assert.False(string.IsNullOrWhiteSpace(k.Plain)));
        Assert.All(catalogue.Kinds, k => Assert.Contains(catalogue.Sources, s => s.Id == k.Source));
        var text = string.Join(" ", catalogue.Kinds.Select(k => k.Plain)).ToLowerInvariant();
        foreach (var claim in new[] { "kratom", "cure", "safe", "proven", "treat" })
        {
            Assert.DoesNotContain(claim, text, StringComparison.Ordinal);
        }
    }
}
