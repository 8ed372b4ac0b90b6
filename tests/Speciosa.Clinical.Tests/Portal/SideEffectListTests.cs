using Speciosa.Clinical.Portal;
using Speciosa.Clinical.Safety;
using Xunit;

namespace Speciosa.Clinical.Tests.Portal;

/// <summary>The patient's side-effect list (issue 14 item 3): plain words mapped to catalogued adverse-event terms; the liver
/// symptoms are exactly the Safety catalogue's (LOCAL-LIVER-SYMPTOMS: jaundice, dark urine, itching, right-upper-quadrant pain);
/// severity becomes a draft CTCAE grade 1-3 (CTCAE v5.0 general descriptions, UNCONFIRMED) for staff to confirm.</summary>
public sealed class SideEffectListTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly SideEffectList List = SideEffectList.Default;

    [Fact]
    public void Every_choice_names_a_catalogued_term_or_is_described_and_the_list_has_what_the_issue_names()
    {
        foreach (var choice in List.Choices)
        {
            Assert.True(choice.TermId is null || AdverseEventTermCatalogue.Default.Find(choice.TermId) is not null, choice.Id);
        }

        foreach (var id in new[] { "nausea", "constipation", "dizziness", "sleep", "itching", "yellow", "dark-urine", "tiredness", "stomach-pain", "other" })
        {
            Assert.NotNull(List.Find(id));
        }
    }

    [Fact]
    public void The_liver_symptoms_are_exactly_the_safety_catalogues_liver_terms_per_LOCAL_LIVER_SYMPTOMS()
    {
        var liver = List.Choices.Where(c => c.Term?.LiverSymptom == true).Select(c => c.Id).Order().ToList();
        Assert.Equal(["dark-urine", "itching", "right-belly-pain", "yellow"], liver);
        var catalogued = AdverseEventTermCatalogue.Default.Terms.Where(t => t.LiverSymptom).Select(t => t.Id).ToHashSet();
        Assert.Subset(catalogued, List.Choices.Where(c => c.TermId is not null && catalogued.Contains(c.TermId)).Select(c => c.TermId!).ToHashSet());
        Assert.Equal(catalogued.Count, List.Choices.Count(c => c.Term?.LiverSymptom == true));
    }

    [Theory]
    [InlineData("mild", 1)]
    [InlineData("moderate", 2)]
    [InlineData("severe", 3)]
    public void Severity_becomes_a_draft_CTCAE_v5_grade_of_one_to_three(string severity, int grade)
    {
        var (report, errors) = List.Check("nausea", severity, null, Today, null, Today);
        Assert.Empty(errors);
        Assert.Equal(grade, report!.Severity.Grade);
        Assert.Equal("Nausea", report.TermText);
        Assert.False(report.LiverSymptom);
    }

    [Fact]
    public void Yellow_skin_is_a_jaundice_report_and_a_liver_symptom()
    {
        var (report, _) = List.Check("yellow", "mild", null, Today, "since Sunday", Today);
        Assert.Equal("jaundice", report!.Term!.Id);
        Assert.True(report.LiverSymptom);
        Assert.Equal("since Sunday", report.Notes);
    }

    [Fact]
    public void Something_else_in_the_patients_words_is_a_liver_symptom_when_it_names_one_and_needs_words()
    {
        Assert.True(List.Check("other", "mild", "my eyes look yellow eyes", Today, null, Today).Report!.LiverSymptom);
        Assert.False(List.Check("other", "mild", "rash on my arm", Today, null, Today).Report!.LiverSymptom);
        Assert.Contains("otherText", List.Check("other", "mild", "  ", Today, null, Today).Errors.Keys);
        Assert.Contains("otherText", List.Check("other", "mild", new string('x', SideEffectList.MaxOtherText + 1), Today, null, Today).Errors.Keys);
        Assert.Equal("Stomach pain: after meals", List.Check("stomach-pain", "mild", "after meals", Today, null, Today).Report!.TermText);
        Assert.False(List.Check("stomach-pain", "mild", null, Today, null, Today).Report!.LiverSymptom);
    }

    [Fact]
    public void The_start_day_is_today_at_the_latest_and_at_most_ninety_days_back()
    {
        Assert.Empty(List.Check("nausea", "mild", null, Today.AddDays(-SideEffectList.MaxDaysBack), null, Today).Errors);
        Assert.Contains("started", List.Check("nausea", "mild", null, Today.AddDays(-SideEffectList.MaxDaysBack - 1), null, Today).Errors.Keys);
        Assert.Contains("started", List.Check("nausea", "mild", null, Today.AddDays(1), null, Today).Errors.Keys);
        Assert.Contains("started", List.Check("nausea", "mild", null, null, null, Today).Errors.Keys);
    }

    [Fact]
    public void Unknown_choices_and_long_notes_are_named_by_field()
    {
        var (_, errors) = List.Check("rash", "terrible", null, Today, new string('n', SideEffectList.MaxNotes + 1), Today);
        Assert.Equal(["notes", "severity", "sideEffect"], errors.Keys.Order().ToArray());
        Assert.Empty(List.Check("nausea", "mild", null, Today, new string('n', SideEffectList.MaxNotes), Today).Errors);
    }
}
