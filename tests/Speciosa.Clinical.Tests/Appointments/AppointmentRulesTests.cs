using Speciosa.Clinical.Appointments;
using Speciosa.Clinical.CarePlans;
using Speciosa.Clinical.Reminders;
using Xunit;

namespace Speciosa.Clinical.Tests.Appointments;

/// <summary>Issue 14 item 2: the booking rules (LOCAL: the software's own limits, no published source) at each boundary, the clinic
/// day an appointment belongs to, and when its reminder is due (a day before, or at booking when later), with a fixed clock.</summary>
public class AppointmentRulesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateTimeOffset Now = CarePlanSchedule.InstantOf(new DateOnly(2026, 11, 30), new TimeOnly(10, 0), NewYork);

    private static AppointmentInput Input(string day = "2026-12-01", string time = "14:00", int? minutes = 30, string kind = "counselling",
        string withWhom = "Sam (counsellor)", string mode = "in-person", string? location = "Room 2", string? notes = null) =>
        new(day, time, minutes, kind, withWhom, mode, location, notes);

    [Fact]
    public void A_valid_booking_keeps_its_clinic_local_time_as_an_instant()
    {
        var (appointment, errors) = AppointmentRules.Check(Input(), Now, NewYork);

        Assert.Empty(errors);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero), appointment!.StartsAt);
        Assert.Equal("Room 2", appointment.Location);
    }

    [Fact]
    public void The_start_must_be_later_than_now_in_the_clinics_time()
    {
        Assert.Contains("time", AppointmentRules.Check(Input(day: "2026-11-30", time: "10:00"), Now, NewYork).Errors.Keys);
        Assert.Empty(AppointmentRules.Check(Input(day: "2026-11-30", time: "10:01"), Now, NewYork).Errors);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(480, true)]
    [InlineData(481, false)]
    [InlineData(null, false)]
    public void The_length_is_5_to_480_minutes(int? minutes, bool accepted) =>
        Assert.Equal(accepted, !AppointmentRules.Check(Input(minutes: minutes), Now, NewYork).Errors.ContainsKey("durationMinutes"));

    [Fact]
    public void A_booking_is_at_most_366_days_ahead()
    {
        Assert.Empty(AppointmentRules.Check(Input(day: "2027-12-01"), Now, NewYork).Errors);
        Assert.Contains("day", AppointmentRules.Check(Input(day: "2027-12-02"), Now, NewYork).Errors.Keys);
    }

    [Fact]
    public void Each_wrong_field_is_named_with_what_is_allowed()
    {
        var errors = AppointmentRules.Check(new AppointmentInput("1 Dec", "2pm", 30, "surgery", " ", "pigeon", null, new string('x', 1001)), Now, NewYork).Errors;

        Assert.Equal(["day", "kind", "mode", "notes", "time", "withWhom"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("counselling", errors["kind"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void In_person_needs_a_place_and_a_call_does_not()
    {
        Assert.Contains("location", AppointmentRules.Check(Input(location: null), Now, NewYork).Errors.Keys);
        Assert.Empty(AppointmentRules.Check(Input(mode: "phone", location: null), Now, NewYork).Errors);
    }

    [Fact]
    public void A_cancellation_needs_a_reason_of_at_most_500_characters()
    {
        Assert.Contains("reason", AppointmentRules.CheckCancel("  ").Keys);
        Assert.Empty(AppointmentRules.CheckCancel(new string('x', 500)));
        Assert.Contains("reason", AppointmentRules.CheckCancel(new string('x', 501)).Keys);
    }

    [Fact]
    public void An_appointment_belongs_to_the_clinic_day_of_its_local_start()
    {
        // 23:30 in New York on 1 December is 04:30 UTC on 2 December.
        var late = CarePlanSchedule.InstantOf(new DateOnly(2026, 12, 1), new TimeOnly(23, 30), NewYork);

        Assert.True(AppointmentRules.IsOn(late, new DateOnly(2026, 12, 1), NewYork));
        Assert.False(AppointmentRules.IsOn(late, new DateOnly(2026, 12, 2), NewYork));
    }

    [Fact]
    public void It_is_over_when_its_end_has_come()
    {
        var start = Now.AddMinutes(-30);

        Assert.False(AppointmentRules.IsOver(start, 31, Now));
        Assert.True(AppointmentRules.IsOver(start, 30, Now));
    }

    [Fact]
    public void Its_reminder_is_due_a_day_before_or_at_booking_when_booked_later_and_never_once_it_has_started()
    {
        var starts = Now.AddHours(48);

        Assert.Equal(starts.AddHours(-24), AppointmentRules.ReminderDueAt(starts, Now, Now));
        Assert.Equal(Now, AppointmentRules.ReminderDueAt(Now.AddHours(3), Now, Now));
        Assert.Null(AppointmentRules.ReminderDueAt(Now, Now.AddHours(-1), Now));
    }

    [Fact]
    public void A_patient_who_opts_out_of_appointment_reminders_gets_none_but_keeps_the_others()
    {
        var item = new DueItem(ReminderKind.Appointment, AppointmentRules.ReminderKey(Guid.Empty), Now.AddMinutes(-1));
        var optedOut = ReminderPreferences.Default with { Appointments = false };

        Assert.Single(ReminderRules.Due([item], ReminderPreferences.Default, Now, NewYork));
        Assert.Empty(ReminderRules.Due([item], optedOut, Now, NewYork));
        Assert.True(optedOut.Wants(ReminderKind.CheckIn));
    }
}
