using Speciosa.Clinical.Alerts;
using Xunit;

namespace Speciosa.Clinical.Tests.Alerts;

// The rule is the project's own (issue 15 item 6): a condition is alerted again only when it arises anew.
public class AlertRecurrenceTests
{
    private static readonly DateTimeOffset Raised = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static PriorAlert Prior(bool active = false, bool byHand = false, DateTimeOffset? cleared = null) =>
        new(Guid.NewGuid(), active, Raised, active ? null : Raised.AddHours(2), byHand, cleared);

    [Fact]
    public void A_condition_never_alerted_before_is_raised() =>
        Assert.Equal(RecurrenceDecision.RaiseFirst, AlertRecurrence.Decide(null));

    [Fact]
    public void An_open_or_acknowledged_alert_of_the_same_condition_means_nothing_new() =>
        Assert.Equal(RecurrenceDecision.SkipActive, AlertRecurrence.Decide(Prior(active: true)));

    [Fact]
    public void An_alert_resolved_by_hand_while_its_condition_still_holds_is_not_raised_again() =>
        Assert.Equal(RecurrenceDecision.SkipResolvedConditionPersists, AlertRecurrence.Decide(Prior(byHand: true)));

    [Fact]
    public void An_alert_resolved_by_hand_whose_condition_was_later_found_cleared_is_raised_again_when_it_arises_anew() =>
        Assert.Equal(RecurrenceDecision.RaiseAgain, AlertRecurrence.Decide(Prior(byHand: true, cleared: Raised.AddDays(1))));

    [Fact]
    public void An_alert_that_resolved_automatically_because_its_condition_cleared_is_raised_again_when_it_arises_anew() =>
        Assert.Equal(RecurrenceDecision.RaiseAgain, AlertRecurrence.Decide(Prior(cleared: Raised.AddHours(2))));

    [Fact]
    public void The_raised_again_sentence_says_why_in_words()
    {
        var why = AlertRecurrence.Why(Prior(byHand: true, cleared: Raised.AddDays(1)), "2026-11-01 04:00", "2026-11-01 06:00", "2026-11-02 04:00");
        Assert.Equal("Raised again: an earlier alert of this condition (raised 2026-11-01 04:00) was resolved by hand on 2026-11-01 06:00, "
            + "the condition was found cleared on 2026-11-02 04:00, and it has now arisen anew.", why);
        Assert.StartsWith("Raised again: an earlier alert of this condition (raised 2026-11-01 04:00) resolved automatically",
            AlertRecurrence.Why(Prior(cleared: Raised), "2026-11-01 04:00", null, "2026-11-01 06:00"), StringComparison.Ordinal);
    }
}
