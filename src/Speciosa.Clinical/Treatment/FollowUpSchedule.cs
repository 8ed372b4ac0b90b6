using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Treatment;

/// <summary>The contact offsets after a taper's last day; <see cref="IsSoftwareDefault"/> when the clinic has not set them.</summary>
public sealed record FollowUpSettings(IReadOnlyList<int> DaysAfterTaperEnd, bool IsSoftwareDefault, int GraceDays = FollowUpSettings.DefaultGraceDays)
{
    /// <summary>The software's offsets (LOCAL-FOLLOW-UP, UNCONFIRMED: no published schedule after a taper).</summary>
    public static readonly IReadOnlyList<int> SoftwareDefaultDays = [3, 7, 14, 28, 56, 84];

    /// <summary>Days after a contact's due day before it counts as overdue.</summary>
    public const int DefaultGraceDays = 3;
}

/// <summary>A recorded follow-up contact: the day, and whether it was made (spoken or seen) or missed (tried, no contact).</summary>
public sealed record FollowUpContactRecord(DateOnly On, bool Made);

public enum FollowUpState
{
    /// <summary>Not due yet.</summary>
    Upcoming,

    /// <summary>Due, within the grace days, no contact yet.</summary>
    Due,

    /// <summary>A contact was made in its window.</summary>
    Made,

    /// <summary>A contact was attempted and missed, or the grace days passed with none.</summary>
    Missed,
}

/// <summary>One scheduled contact: its number, due day, window (from the day after the previous due day to the grace day)
/// and state.</summary>
public sealed record FollowUpSlot(int Number, int DaysAfter, DateOnly DueOn, DateOnly WindowFrom, DateOnly WindowTo, FollowUpState State, DateOnly? ContactOn);

/// <summary>Retention: of the contacts due so far, how many were made; and whether the patient was reached at the newest due one.</summary>
public sealed record FollowUpRetention(int Due, int Made, int Missed, bool ReachedAtLatest)
{
    public string InWords => Due == 0 ? "No contact due yet."
        : $"{Made} of {Due} contacts due so far made ({Missed} missed); " + (ReachedAtLatest ? "reached at the latest one." : "not reached at the latest one.");
}

public sealed record FollowUpPlan(DateOnly TaperEndedOn, IReadOnlyList<FollowUpSlot> Slots, FollowUpRetention Retention);

/// <summary>Follow-up after the taper reaches zero (clinical audit section 3, item 17: the relapse and overdose window). CDC 2022
/// asks for contact at least monthly during a taper (CI-S56); after it, the schedule is the clinic's configuration (software
/// default days 3, 7, 14, 28, 56, 84: LOCAL-FOLLOW-UP, UNCONFIRMED). Each contact counts in the window from the day after the
/// previous due day up to its own due day plus the grace days; a made contact wins over a missed one in the same window.</summary>
public static class FollowUpSchedule
{
    public static FollowUpPlan Plan(DateOnly taperEndedOn, IReadOnlyList<FollowUpContactRecord> contacts, DateOnly today, FollowUpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(settings);
        var slots = new List<FollowUpSlot>();
        var offsets = settings.DaysAfterTaperEnd.Where(d => d > 0).Distinct().Order().ToList();
        var previousDue = taperEndedOn;
        for (var i = 0; i < offsets.Count; i++)
        {
            var due = taperEndedOn.AddDays(offsets[i]);
            var from = previousDue.AddDays(1);
            var to = due.AddDays(settings.GraceDays);
            if (i + 1 < offsets.Count && taperEndedOn.AddDays(offsets[i + 1]) <= to)
            {
                to = taperEndedOn.AddDays(offsets[i + 1]).AddDays(-1);
            }

            var inWindow = contacts.Where(c => c.On >= from && c.On <= to).ToList();
            var made = inWindow.Where(c => c.Made).OrderBy(c => c.On).FirstOrDefault();
            var missed = inWindow.Where(c => !c.Made).OrderBy(c => c.On).FirstOrDefault();
            var state = made is not null ? FollowUpState.Made
                : missed is not null || today > to ? FollowUpState.Missed
                : today >= due ? FollowUpState.Due
                : FollowUpState.Upcoming;
            slots.Add(new FollowUpSlot(i + 1, offsets[i], due, from, to, state, made?.On ?? missed?.On));
            previousDue = due;
        }

        var counted = slots.Where(s => s.State is FollowUpState.Made or FollowUpState.Missed).ToList();
        var retention = new FollowUpRetention(counted.Count, counted.Count(s => s.State == FollowUpState.Made),
            counted.Count(s => s.State == FollowUpState.Missed), counted.Count > 0 && counted[^1].State == FollowUpState.Made);
        return new FollowUpPlan(taperEndedOn, slots, retention);
    }

    /// <summary>A warning per missed contact (condition key names the due day, so each is raised once).</summary>
    public static IReadOnlyList<Alert> Alerts(string regimenId, FollowUpPlan plan, FollowUpSettings settings, DateOnly today) =>
        plan.Slots.Where(s => s.State == FollowUpState.Missed).Select(s => new Alert(TreatmentAlertRules.FollowUpContactMissed,
            $"regimen/{regimenId}/follow-up:{Iso(s.DueOn)}",
            $"Follow-up contact {s.Number} after the taper ended on {Iso(plan.TaperEndedOn)} (due {Iso(s.DueOn)}) "
            + (s.ContactOn is { } on ? $"was attempted on {Iso(on)} and missed." : "has no contact recorded.")
            + " The weeks after a taper carry the highest overdose risk (loss of tolerance): try again and record the outcome.",
            [
                new AlertInput("Taper ended on", Iso(plan.TaperEndedOn)), new AlertInput("Contact", s.Number.ToString(CultureInfo.InvariantCulture)),
                new AlertInput("Due on", Iso(s.DueOn)), new AlertInput("Counted until", Iso(s.WindowTo)), new AlertInput("Retention", plan.Retention.InWords),
                new AlertInput("Today", Iso(today)),
            ],
            $"Contacts {string.Join(", ", settings.DaysAfterTaperEnd)} days after the taper's last day, each within {settings.GraceDays} days"
            + (settings.IsSoftwareDefault ? " (software default, not a clinic decision; UNCONFIRMED)" : " (clinic configuration; UNCONFIRMED)"))).ToList();

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
