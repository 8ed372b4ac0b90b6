using Speciosa.Clinical.Treatment;
using Xunit;

namespace Speciosa.Clinical.Tests.Treatment;

/// <summary>Follow-up after the taper reaches zero (clinical audit 3 item 17; CDC 2022 monthly during a taper, CI-S56; the
/// schedule after it LOCAL-FOLLOW-UP, UNCONFIRMED).</summary>
public class FollowUpScheduleTests
{
    private static readonly DateOnly Ended = new(2026, 4, 1);
    private static readonly FollowUpSettings Default = new(FollowUpSettings.SoftwareDefaultDays, IsSoftwareDefault: true);

    private static FollowUpPlan Plan(DateOnly today, params FollowUpContactRecord[] contacts) => FollowUpSchedule.Plan(Ended, contacts, today, Default);

    [Fact]
    public void The_software_default_schedule_is_days_3_7_14_28_56_and_84_after_the_taper_ends()
    {
        var plan = Plan(Ended);

        Assert.Equal([3, 7, 14, 28, 56, 84], plan.Slots.Select(s => s.DaysAfter));
        Assert.Equal(new DateOnly(2026, 4, 4), plan.Slots[0].DueOn);
        Assert.All(plan.Slots, s => Assert.Equal(FollowUpState.Upcoming, s.State));
        Assert.Equal("No contact due yet.", plan.Retention.InWords);
        Assert.True(TreatmentSources.FollowUp.Unconfirmed);
        Assert.False(TreatmentSources.CdcMonthlyFollowUp.Unconfirmed);
    }

    [Fact]
    public void A_contact_is_due_on_its_day_missed_after_the_grace_days_and_made_when_recorded_in_its_window()
    {
        Assert.Equal(FollowUpState.Upcoming, Plan(new(2026, 4, 3)).Slots[0].State);
        Assert.Equal(FollowUpState.Due, Plan(new(2026, 4, 4)).Slots[0].State);
        // The second contact (day 7) comes before the first one's grace ends, so the first window ends the day before it.
        Assert.Equal(new DateOnly(2026, 4, 7), Plan(new(2026, 4, 4)).Slots[0].WindowTo);
        Assert.Equal(FollowUpState.Due, Plan(new(2026, 4, 7)).Slots[0].State);
        Assert.Equal(FollowUpState.Missed, Plan(new(2026, 4, 8)).Slots[0].State);
        Assert.Equal(FollowUpState.Made, Plan(new(2026, 4, 8), new FollowUpContactRecord(new(2026, 4, 2), true)).Slots[0].State);
    }

    [Fact]
    public void A_missed_attempt_counts_as_missed_until_a_contact_is_made_in_the_same_window()
    {
        Assert.Equal(FollowUpState.Missed, Plan(new(2026, 4, 4), new FollowUpContactRecord(new(2026, 4, 4), false)).Slots[0].State);
        Assert.Equal(FollowUpState.Made, Plan(new(2026, 4, 5), new FollowUpContactRecord(new(2026, 4, 4), false), new FollowUpContactRecord(new(2026, 4, 5), true)).Slots[0].State);
    }

    [Fact]
    public void Retention_counts_the_contacts_due_so_far_and_whether_the_latest_was_made()
    {
        var plan = Plan(new(2026, 4, 20),
            new FollowUpContactRecord(new(2026, 4, 4), true), new FollowUpContactRecord(new(2026, 4, 9), false), new FollowUpContactRecord(new(2026, 4, 15), true));

        Assert.Equal(new FollowUpRetention(3, 2, 1, true), plan.Retention);
        Assert.Equal("2 of 3 contacts due so far made (1 missed); reached at the latest one.", plan.Retention.InWords);

        var alert = Assert.Single(FollowUpSchedule.Alerts("r1", plan, Default, new(2026, 4, 20)));
        Assert.Equal("treatment.follow-up-missed", alert.Rule.Id);
        Assert.Equal("regimen/r1/follow-up:2026-04-08", alert.ConditionKey);
        Assert.Contains("attempted on 2026-04-09 and missed", alert.Message, StringComparison.Ordinal);
        Assert.Contains("software default, not a clinic decision; UNCONFIRMED", alert.Threshold, StringComparison.Ordinal);
    }
}
