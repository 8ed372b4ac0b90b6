using System.Text.Json;

namespace Speciosa.Web.Patients;

/// <summary>The data the score chart draws (wwwroot/js/withdrawal-chart.js): totals by hours since last use and the
/// expected course windows, emitted as a non-executed JSON script block (CSP allows it).</summary>
public static class WithdrawalChart
{
    public static string Json(EpisodeView? episode, IReadOnlyList<AssessmentView> assessments)
    {
        var origin = episode?.StartedAt ?? assessments.Select(a => a.AssessedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Min();
        var series = assessments.OrderBy(a => a.AssessedAt).GroupBy(a => a.InstrumentId).Select(g => new
        {
            instrument = g.Key,
            points = g.Select(a => new { x = Math.Round((a.AssessedAt - origin).TotalHours, 1), y = a.Total, band = a.Band }).ToList(),
        });
        object? W(CourseWindowView? w) => w is null ? null : new { from = w.FromHours, to = w.ToHours, unconfirmed = w.Unconfirmed };
        var data = new
        {
            xLabel = episode is null ? "hours since first assessment" : "hours since last opioid use",
            course = episode?.CourseClassName,
            onset = W(episode?.Onset),
            peak = W(episode?.Peak),
            acuteEnd = W(episode?.AcuteEnd),
            series,
        };
        // The default encoder escapes <, > and &, so the JSON cannot close the script element.
        return JsonSerializer.Serialize(data);
    }
}
