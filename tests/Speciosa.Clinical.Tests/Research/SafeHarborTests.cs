using Speciosa.Clinical.Research;
using Xunit;

namespace Speciosa.Clinical.Tests.Research;

/// <summary>The de-identification rules of the research extract (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)).</summary>
public class SafeHarborTests
{
    [Fact]
    public void Safe_Harbor_lists_eighteen_identifiers_lettered_A_to_R_as_45_CFR_164_514_b_2_i_does()
    {
        Assert.Equal(18, SafeHarbor.Identifiers.Count);
        Assert.Equal(Enumerable.Range('A', 18).Select(c => (char)c), SafeHarbor.Identifiers.Select(i => i.Letter));
    }

    [Theory]
    [InlineData("1936-12-01", "2026-11-30", "89")] // the day before the 90th birthday
    [InlineData("1936-11-30", "2026-11-30", "90+")] // the 90th birthday: 164.514(b)(2)(i)(C) groups ages over 89
    [InlineData("1930-01-01", "2026-11-30", "90+")]
    [InlineData("1937-11-30", "2026-11-30", "89")]
    [InlineData("2000-01-01", "2026-11-30", "26")]
    [InlineData("2008-02-29", "2026-02-28", "17")] // born on 29 February: the birthday falls on 1 March in a common year
    [InlineData("2008-02-29", "2026-03-01", "18")]
    [InlineData("2008-02-29", "2028-02-29", "20")]
    public void Ages_are_whole_years_up_to_89_and_one_group_90_plus_above(string birth, string on, string group) =>
        Assert.Equal(group, SafeHarbor.AgeGroup(DateOnly.Parse(birth), DateOnly.Parse(on)));

    [Fact]
    public void An_age_on_a_day_before_the_birth_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SafeHarbor.AgeInYears(new DateOnly(2000, 1, 2), new DateOnly(2000, 1, 1)));

    [Theory]
    [InlineData(0, -365)]
    [InlineData(364, -1)]
    [InlineData(365, 1)]
    [InlineData(729, 365)]
    public void A_uniform_draw_becomes_an_offset_of_1_to_365_days_either_way_never_zero(int draw, int offset) =>
        Assert.Equal(offset, SafeHarbor.OffsetFromDraw(draw));

    [Fact]
    public void Every_draw_gives_a_valid_offset_and_each_offset_once()
    {
        var offsets = Enumerable.Range(0, SafeHarbor.OffsetChoices).Select(SafeHarbor.OffsetFromDraw).ToList();
        Assert.All(offsets, o => Assert.True(SafeHarbor.IsValidOffset(o)));
        Assert.Equal(offsets.Count, offsets.Distinct().Count());
        Assert.DoesNotContain(0, offsets);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(730)]
    public void A_draw_outside_the_range_is_refused(int draw) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SafeHarbor.OffsetFromDraw(draw));

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    [InlineData(-366)]
    public void A_shift_of_zero_or_beyond_a_year_is_refused_so_no_date_leaves_unshifted(int offset) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SafeHarbor.Shift(new DateOnly(2026, 11, 30), offset));

    [Fact]
    public void Shifting_moves_every_date_of_a_patient_by_the_same_days_so_intervals_and_the_study_day_are_kept()
    {
        var enrolled = new DateOnly(2026, 2, 27);
        var visit = new DateOnly(2026, 3, 2);
        const int offset = -200;

        Assert.Equal(new DateOnly(2025, 8, 11), SafeHarbor.Shift(enrolled, offset));
        Assert.Equal(SafeHarbor.StudyDay(enrolled, visit), SafeHarbor.StudyDay(SafeHarbor.Shift(enrolled, offset), SafeHarbor.Shift(visit, offset)));
        Assert.Equal(3, SafeHarbor.StudyDay(enrolled, visit));
        Assert.Equal(new DateTime(2026, 12, 31, 23, 30, 0), SafeHarbor.Shift(new DateTime(2026, 12, 30, 23, 30, 0), 1));
    }

    [Fact]
    public void Names_birth_dates_phones_emails_and_record_ids_are_identifiers_and_free_text_is_free_text()
    {
        foreach (var name in new[] { "Patients.GivenName", "Patients.FamilyName", "Patients.DateOfBirth", "Patients.Phone", "Patients.Email", "Patients.Id",
                     "Assessments.Id", "Doses.LotId" })
        {
            Assert.Equal(ColumnKind.Identifier, SafeHarbor.Column(name).Kind);
            Assert.False(SafeHarbor.MayExport(SafeHarbor.Column(name)));
        }

        foreach (var name in new[] { "AdverseEvents.Description", "AdverseEvents.TermText", "Alerts.Message", "Alerts.AcknowledgementNote", "LabResults.LabName" })
        {
            Assert.Equal(ColumnKind.FreeText, SafeHarbor.Column(name).Kind);
            Assert.False(SafeHarbor.MayExport(SafeHarbor.Column(name)));
        }
    }

    [Fact]
    public void Every_identifier_column_names_its_Safe_Harbor_letter() =>
        Assert.All(SafeHarbor.Columns.Where(c => c.Kind == ColumnKind.Identifier),
            c => Assert.Contains(SafeHarbor.Identifiers, i => i.Letter == c.Identifier));

    [Fact]
    public void Every_variable_of_the_data_dictionary_is_computed_only_from_exportable_columns_or_the_birth_date_through_the_age_rule()
    {
        foreach (var v in ResearchDictionary.Variables)
        {
            Assert.All(v.FromColumns, c => Assert.True(SafeHarbor.MayExport(SafeHarbor.Column(c))
                || (c == "Patients.DateOfBirth" && v.Through == SafeHarbor.AgeRule), $"{v.File}.{v.Variable} reads {c}"));
        }

        Assert.Equal(["age_at_enrolment"], ResearchDictionary.Variables.Where(v => v.Through is not null).Select(v => v.Variable));
    }

    [Fact]
    public void The_dictionary_describes_each_variable_once_with_type_and_source_and_names_the_instrument_version_of_scores()
    {
        Assert.Equal(ResearchDictionary.Variables.Count, ResearchDictionary.Variables.Select(v => (v.File, v.Variable)).Distinct().Count());
        Assert.All(ResearchDictionary.Variables, v =>
        {
            Assert.False(string.IsNullOrWhiteSpace(v.Type));
            Assert.False(string.IsNullOrWhiteSpace(v.Source));
        });
        Assert.Contains("(COWS) v1 (", ResearchDictionary.Of(ResearchDictionary.PatientDays).Single(v => v.Variable == "cows_max").Instrument);
    }
}
