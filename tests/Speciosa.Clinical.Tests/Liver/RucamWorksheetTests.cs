using Speciosa.Clinical.Liver;
using Xunit;

namespace Speciosa.Clinical.Tests.Liver;

public class RucamWorksheetTests
{
    private static RucamFacts Facts(
        RucamForm form = RucamForm.Hepatocellular,
        int? onsetDay = 30,
        int? lastDoseDay = null,
        IReadOnlyList<LiverPanel>? panels = null,
        bool rechallenge = false,
        int? age = null,
        PatientSex? sex = null,
        decimal? drinks = null,
        bool? pregnant = null) =>
        new(
            form,
            Lab.Day0,
            lastDoseDay is { } l ? Lab.Day0.AddDays(l) : null,
            onsetDay is { } o ? Lab.Day0.AddDays(o) : null,
            panels ?? [],
            rechallenge,
            age,
            sex,
            drinks,
            pregnant);

    private static RucamItem Item(RucamWorksheet worksheet, string id) => worksheet.Items.Single(i => i.Id == id);

    [Theory]
    [InlineData(int.MinValue, "Excluded")]
    [InlineData(0, "Excluded")]
    [InlineData(1, "Unlikely")]
    [InlineData(2, "Unlikely")]
    [InlineData(3, "Possible")]
    [InlineData(5, "Possible")]
    [InlineData(6, "Probable")]
    [InlineData(8, "Probable")]
    [InlineData(9, "Highly probable")]
    [InlineData(14, "Highly probable")]
    public void The_total_maps_to_the_causality_band(int total, string category)
    {
        Assert.Equal(category, RucamCatalogue.Default.CategoryFor(total).Name);
    }

    [Fact]
    public void The_hepatocellular_form_has_no_pregnancy_item_and_the_cholestatic_form_has_one()
    {
        Assert.DoesNotContain(RucamWorksheet.Prepare(Facts()).Items, i => i.Id == "pregnancy");
        Assert.Contains(RucamWorksheet.Prepare(Facts(RucamForm.CholestaticOrMixed)).Items, i => i.Id == "pregnancy");
    }

    [Fact]
    public void Alternative_cause_points_are_as_printed_in_the_update_and_no_item_is_flagged_Danan_Teschke_2016_audit_E21()
    {
        var worksheet = RucamWorksheet.Prepare(Facts());

        Assert.All(worksheet.Items, i => Assert.False(i.Unconfirmed));
        Assert.Equal([2, 1, 0, -2, -3], Item(worksheet, "alternative-causes").Options.Select(o => o.Points));
    }

    [Theory]
    [InlineData(4, "start-under5-or-over90", 1)]
    [InlineData(5, "start-5-90", 2)]
    [InlineData(90, "start-5-90", 2)]
    [InlineData(91, "start-under5-or-over90", 1)]
    public void Time_to_onset_from_the_first_dose_is_filled_from_data(int onsetDay, string answer, int points)
    {
        var item = Item(RucamWorksheet.Prepare(Facts(onsetDay: onsetDay)), "onset");

        Assert.Equal(answer, item.Selected!.Id);
        Assert.Equal(points, item.Points);
        Assert.Equal(RucamAnsweredBy.Data, item.AnsweredBy);
    }

    [Theory]
    [InlineData(RucamForm.Hepatocellular, 15, "rechallenge-1-15")]
    [InlineData(RucamForm.Hepatocellular, 16, "rechallenge-over15")]
    [InlineData(RucamForm.CholestaticOrMixed, 90, "rechallenge-1-90")]
    [InlineData(RucamForm.CholestaticOrMixed, 91, "rechallenge-over90")]
    public void Rechallenge_onset_uses_the_forms_own_window(RucamForm form, int onsetDay, string answer)
    {
        Assert.Equal(answer, Item(RucamWorksheet.Prepare(Facts(form, onsetDay, rechallenge: true)), "onset").Selected!.Id);
    }

    [Fact]
    public void Onset_after_stopping_is_left_to_the_clinician_with_the_days_stated()
    {
        var item = Item(RucamWorksheet.Prepare(Facts(onsetDay: 40, lastDoseDay: 30)), "onset");

        Assert.Null(item.Selected);
        Assert.Contains("10 days after stopping", item.Basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(54, "absent")]
    [InlineData(55, "present")]
    public void Age_of_55_or_more_is_a_risk_factor(int age, string answer)
    {
        Assert.Equal(answer, Item(RucamWorksheet.Prepare(Facts(age: age)), "age").Selected!.Id);
    }

    [Theory]
    [InlineData(PatientSex.Female, 2.0, "absent")]
    [InlineData(PatientSex.Female, 2.1, "present")]
    [InlineData(PatientSex.Male, 3.0, "absent")]
    [InlineData(PatientSex.Male, 3.1, "present")]
    public void Alcohol_above_two_drinks_for_women_or_three_for_men_is_a_risk_factor(PatientSex sex, double drinks, string answer)
    {
        Assert.Equal(answer, Item(RucamWorksheet.Prepare(Facts(sex: sex, drinks: (decimal)drinks)), "alcohol").Selected!.Id);
    }

    [Theory]
    [InlineData(8, "fall50-within-8d", 3)]
    [InlineData(9, "fall50-within-30d", 2)]
    [InlineData(30, "fall50-within-30d", 2)]
    [InlineData(31, "fall50-after-30d", 0)]
    public void Hepatocellular_course_after_stopping_scores_by_day_of_halving(int day, string answer, int points)
    {
        // Stopped on day 30 at peak ALT 9 × ULN; 5 × ULN is a 50% fall toward ULN.
        var panels = new[] { Lab.Panel(alt: 9m, day: 30), Lab.Panel(alt: 5m, day: 30 + day) };

        var item = Item(RucamWorksheet.Prepare(Facts(onsetDay: 30, lastDoseDay: 30, panels: panels)), "course");

        Assert.Equal(answer, item.Selected!.Id);
        Assert.Equal(points, item.Points);
    }

    [Fact]
    public void Hepatocellular_fall_under_half_after_day_30_scores_minus_two()
    {
        var panels = new[] { Lab.Panel(alt: 9m, day: 30), Lab.Panel(alt: 5.01m, day: 61) };

        Assert.Equal(-2, Item(RucamWorksheet.Prepare(Facts(onsetDay: 30, lastDoseDay: 30, panels: panels)), "course").Points);
    }

    [Theory]
    [InlineData(180, 3.0, "fall50-within-180d")]
    [InlineData(181, 3.0, "under50-within-180d")]
    public void Cholestatic_course_after_stopping_scores_by_180_days(int day, double alp, string answer)
    {
        // Peak ALP 5 × ULN at stopping; 3 × ULN is a 50% fall toward ULN. At day 181 only a partial fall
        // (4 × ULN on day 100) is known within 180 days.
        var panels = new[] { Lab.Panel(alp: 5m, day: 10), Lab.Panel(alp: 4m, day: 110), Lab.Panel(alp: (decimal)alp, day: 10 + day) };

        var item = Item(RucamWorksheet.Prepare(Facts(RucamForm.CholestaticOrMixed, onsetDay: 10, lastDoseDay: 10, panels: panels)), "course");

        Assert.Equal(answer, item.Selected!.Id);
    }

    [Fact]
    public void Cholestatic_persistence_to_day_180_scores_zero()
    {
        var panels = new[] { Lab.Panel(alp: 5m, day: 10), Lab.Panel(alp: 5m, day: 200) };

        var item = Item(RucamWorksheet.Prepare(Facts(RucamForm.CholestaticOrMixed, onsetDay: 10, lastDoseDay: 10, panels: panels)), "course");

        Assert.Equal("no-info-persistence-rise-or-continued-use", item.Selected!.Id);
    }

    [Fact]
    public void Continued_use_scores_the_course_as_zero()
    {
        var item = Item(RucamWorksheet.Prepare(Facts(lastDoseDay: null)), "course");

        Assert.Equal("no-info-or-continued-use", item.Selected!.Id);
    }

    [Fact]
    public void Items_data_cannot_answer_are_to_be_answered_by_the_clinician_and_the_total_is_provisional()
    {
        var worksheet = RucamWorksheet.Prepare(Facts());

        Assert.False(worksheet.IsComplete);
        Assert.Contains(worksheet.ToBeAnsweredByClinician, i => i.Id == "concomitant");
        Assert.Contains(worksheet.ToBeAnsweredByClinician, i => i.Id == "alternative-causes");
        Assert.Contains(worksheet.ToBeAnsweredByClinician, i => i.Id == "known-hepatotoxicity");
        Assert.Contains(worksheet.ToBeAnsweredByClinician, i => i.Id == "re-exposure");
    }

    [Fact]
    public void A_completed_worksheet_totals_the_points_and_names_the_category()
    {
        var worksheet = RucamWorksheet.Prepare(Facts(onsetDay: 30, age: 40, sex: PatientSex.Male, drinks: 0m))
            .Answer("course", "fall50-within-30d")
            .Answer("concomitant", "none-or-no-info")
            .Answer("alternative-causes", "groups-1-and-2-ruled-out")
            .Answer("known-hepatotoxicity", "published-not-labelled")
            .Answer("re-exposure", "other");

        Assert.True(worksheet.IsComplete);
        Assert.Equal(2 + 2 + 0 + 0 + 0 + 2 + 1 + 0, worksheet.Total);
        Assert.Equal("Probable", worksheet.Causality.Name);
        Assert.False(worksheet.RestsOnUnconfirmedPoints); // E21: item-5 points as printed
    }

    [Fact]
    public void An_answer_not_allowed_for_the_item_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RucamWorksheet.Prepare(Facts()).Answer("course", "fall50-within-180d"));
    }

    [Theory]
    [InlineData(InjuryPattern.Hepatocellular, RucamForm.Hepatocellular)]
    [InlineData(InjuryPattern.Mixed, RucamForm.CholestaticOrMixed)]
    [InlineData(InjuryPattern.Cholestatic, RucamForm.CholestaticOrMixed)]
    public void The_form_follows_the_r_pattern(InjuryPattern pattern, RucamForm form)
    {
        Assert.Equal(form, RucamWorksheet.FormFor(pattern));
    }
}

/// <summary>Updated RUCAM item 1 (Danan &amp; Teschke 2016): onset before the first exposure, or more than 15 days
/// (hepatocellular) / 30 days (cholestatic or mixed) after stopping, is not assessable (audit E21).</summary>
public class RucamNotAssessableTests
{
    private static RucamWorksheet Prepare(RucamForm form, int onsetDay, int? lastDoseDay) =>
        RucamWorksheet.Prepare(new RucamFacts(form, Lab.Day0, lastDoseDay is { } l ? Lab.Day0.AddDays(l) : null, Lab.Day0.AddDays(onsetDay), []));

    [Theory]
    [InlineData(RucamForm.Hepatocellular, 15, false)]
    [InlineData(RucamForm.Hepatocellular, 16, true)]
    [InlineData(RucamForm.CholestaticOrMixed, 30, false)]
    [InlineData(RucamForm.CholestaticOrMixed, 31, true)]
    public void Onset_beyond_the_window_after_stopping_is_not_assessable_by_RUCAM_Danan_Teschke_2016(RucamForm form, int daysAfterStopping, bool notAssessable)
    {
        var worksheet = Prepare(form, onsetDay: 40 + daysAfterStopping, lastDoseDay: 40);

        Assert.Equal(notAssessable, worksheet.NotAssessable is not null);
        if (notAssessable)
        {
            Assert.StartsWith("Not assessable by RUCAM", worksheet.NotAssessable, StringComparison.Ordinal);
            Assert.StartsWith("Not assessable by RUCAM", worksheet.Items.Single(i => i.Id == "onset").Basis, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Onset_before_the_first_exposure_is_not_assessable_by_RUCAM_Danan_Teschke_2016()
    {
        var worksheet = Prepare(RucamForm.Hepatocellular, onsetDay: -3, lastDoseDay: null);

        Assert.Contains("before the first kratom exposure", worksheet.NotAssessable, StringComparison.Ordinal);
    }

    [Fact]
    public void Onset_within_the_course_is_assessable()
    {
        Assert.Null(Prepare(RucamForm.Hepatocellular, onsetDay: 30, lastDoseDay: null).NotAssessable);
    }
}

/// <summary>An AST/ALT ratio of 2 or more at onset is flagged for the Group I alcohol cause (audit E16), never answered.</summary>
public class RucamAstAltTests
{
    private static RucamItem Alternative(decimal ast, decimal alt)
    {
        var panel = Lab.Panel(alt: alt, ast: ast, alp: 1m, day: 30);
        var worksheet = RucamWorksheet.Prepare(new RucamFacts(RucamForm.Hepatocellular, Lab.Day0, null, panel.CollectedAt, [panel]));
        return worksheet.Items.Single(i => i.Id == "alternative-causes");
    }

    [Theory]
    [InlineData(12, 6, true)]     // exactly 2
    [InlineData(11.9, 6, false)]
    public void Ast_over_alt_of_2_or_more_at_onset_is_noted_for_the_alcohol_cause_audit_E16(double ast, double alt, bool noted)
    {
        var item = Alternative((decimal)ast, (decimal)alt);

        Assert.Null(item.Selected);
        Assert.Equal(noted, item.Basis.Contains("consider alcoholic liver disease", StringComparison.Ordinal));
    }
}
