using Speciosa.Clinical.Regimens;
using Speciosa.Clinical.Treatment;
using Xunit;

namespace Speciosa.Clinical.Tests.Treatment;

/// <summary>SAMHSA TIP 63 / ASAM 2020 (via the clinical audit 3.1): medication for opioid use disorder is offered and discussed at
/// enrolment and at each review; the interval is clinic configuration (LOCAL-MOUD-REVIEW, software default 90 days).</summary>
public class MoudDecisionReviewTests
{
    private static readonly Guid Patient = Guid.NewGuid();
    private static readonly DateOnly Enrolled = new(2026, 1, 10);
    private static readonly MoudReviewSettings Ninety = new(90, IsSoftwareDefault: true);

    [Fact]
    public void Tip_63_no_decision_since_enrolment_is_due_at_once()
    {
        var alert = Assert.Single(MoudDecisionReview.Evaluate(Patient, Enrolled, null, Enrolled, Ninety));

        Assert.Equal("treatment.moud-decision-due", alert.Rule.Id);
        Assert.Equal("TIP-63", alert.Rule.Source.Id);
        Assert.Contains("buprenorphine, methadone, extended-release naltrexone", alert.Message, StringComparison.Ordinal);
        Assert.Contains(alert.Inputs, i => i.Name == "Last decision recorded" && i.Value == "none");
        Assert.Contains("every 90 days (software default, not a clinic decision; UNCONFIRMED)", alert.Threshold, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_exactly_the_interval_old_is_not_due_and_one_day_older_is()
    {
        var last = new DateOnly(2026, 2, 1);

        Assert.Empty(MoudDecisionReview.Evaluate(Patient, Enrolled, last, last.AddDays(90), Ninety));
        var alert = Assert.Single(MoudDecisionReview.Evaluate(Patient, Enrolled, last, last.AddDays(91), Ninety));
        Assert.Contains(alert.Inputs, i => i.Name == "Days since" && i.Value == "91");
        Assert.Empty(MoudDecisionReview.Evaluate(Patient, Enrolled, last, last.AddDays(91), new MoudReviewSettings(120, false)));
    }

    [Fact]
    public void The_three_first_line_medications_are_offered_and_the_regimen_line_says_kratom_is_not_approved()
    {
        Assert.Equal<string>(["buprenorphine", "methadone", "naltrexone-xr"], MoudOptions.Default.Options.Select(o => o.Id).ToList());
        Assert.Contains("not approved for any medical use", KratomStatus.Default.Staff, StringComparison.Ordinal);
        Assert.Contains("no randomised trial", KratomStatus.Default.Staff, StringComparison.Ordinal);
        Assert.Contains("Buprenorphine, methadone and extended-release naltrexone", KratomStatus.Default.Staff, StringComparison.Ordinal);
        Assert.Contains(KratomStatus.Default.Sources, s => s.Id == "TIP-63");
    }

    private static TreatmentDiscussionEntry Valid() =>
        new("enrolment", new DateOnly(2026, 1, 10), ["buprenorphine", "methadone", "naltrexone-xr"], "declined", null, "Wants to try the taper first", null, null);

    [Fact]
    public void A_complete_discussion_is_valid()
    {
        Assert.Empty(TreatmentDiscussionValidation.Validate(Valid(), new DateOnly(2026, 1, 10)));
        Assert.Empty(TreatmentDiscussionValidation.Validate(Valid() with
        {
            Decision = "accepted", ChosenOption = "methadone", Reason = null, ReferredTo = "County opioid treatment programme", ReferredOn = new DateOnly(2026, 1, 11),
        }, new DateOnly(2026, 1, 10)));
    }

    [Theory]
    [InlineData("occasion")]
    [InlineData("discussedOn")]
    [InlineData("optionsDiscussed")]
    [InlineData("decision")]
    [InlineData("chosenOption")]
    [InlineData("reason")]
    [InlineData("referredTo")]
    [InlineData("referredOn")]
    public void Each_problem_is_keyed_by_its_field(string field)
    {
        var entry = field switch
        {
            "occasion" => Valid() with { Occasion = "lunch" },
            "discussedOn" => Valid() with { DiscussedOn = new DateOnly(2026, 1, 11) },
            "optionsDiscussed" => Valid() with { OptionsDiscussed = ["kratom"] },
            "decision" => Valid() with { Decision = "maybe" },
            "chosenOption" => Valid() with { Decision = "accepted", ChosenOption = null },
            "reason" => Valid() with { Reason = " " },
            "referredTo" => Valid() with { ReferredOn = new DateOnly(2026, 1, 10) },
            _ => Valid() with { ReferredTo = "Dr Smith" },
        };

        var errors = TreatmentDiscussionValidation.Validate(entry, new DateOnly(2026, 1, 10));

        Assert.Equal(field, Assert.Single(errors).Key);
    }

    [Fact]
    public void No_option_ticked_is_a_problem_naming_the_three()
    {
        var errors = TreatmentDiscussionValidation.Validate(Valid() with { OptionsDiscussed = [] }, new DateOnly(2026, 1, 10));

        Assert.Contains("buprenorphine, methadone, naltrexone-xr", Assert.Single(errors["optionsDiscussed"]), StringComparison.Ordinal);
    }
}
