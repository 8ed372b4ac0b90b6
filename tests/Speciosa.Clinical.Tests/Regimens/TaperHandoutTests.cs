using Speciosa.Clinical.Regimens;
using Xunit;

namespace Speciosa.Clinical.Tests.Regimens;

/// <summary>The take-home taper calendar's "If you feel unwell" lines come from knowledge/dosing/taper-handout.json, each
/// with its sources (the clinical audit: no unsourced patient wording in the code).</summary>
public sealed class TaperHandoutTests
{
    [Fact]
    public void Every_line_of_the_taper_handout_names_sources_that_the_file_lists_with_a_citation()
    {
        var handout = TaperHandout.Default;

        Assert.False(string.IsNullOrWhiteSpace(handout.AsOf));
        Assert.NotEmpty(handout.Lines);
        var listed = handout.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Assert.All(handout.Lines, line =>
        {
            Assert.NotEmpty(line.Sources);
            Assert.All(line.Sources, id => Assert.False(string.IsNullOrWhiteSpace(Assert.Contains(id, listed).Citation)));
        });
    }

    [Fact]
    public void The_taper_handout_gives_the_patient_no_dose_threshold_or_rule()
    {
        var text = string.Join(" ", TaperHandout.Default.Lines.Select(l => l.Text));

        Assert.DoesNotMatch(@"\d", text);
        Assert.DoesNotContain("threshold", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("rule", text, StringComparison.OrdinalIgnoreCase);
    }
}
