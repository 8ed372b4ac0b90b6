using System.Text.Json;
using Speciosa.Clinical.Withdrawal.Instruments;

namespace Speciosa.Web.Withdrawal;

/// <summary>The data the score chart draws (wwwroot/js/withdrawal-chart.js): totals by hours since last use and the
/// expected course windows, emitted as a non-executed JSON script block (CSP allows it).</summary>
public static class WithdrawalChart
{
    /// <summary>The instrument's short name as charts and the patient list print it.</summary>
    public static string ShortName(string id, string? name = null) => id switch
    {
        InstrumentCatalog.CowsId => "COWS",
        "sows-handelsman" => "SOWS",
        "sows-gossop" => "SOWS-Gossop",
        "craving-vas" => "Craving VAS",
        _ => name ?? id,
    };

    public static string Json(EpisodeView? episode, IReadOnlyList<AssessmentView> assessments)
    {
        var origin = episode?.StartedAt ?? assessments.Select(a => a.AssessedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Min();
        // Each instrument is drawn on its own axis spanning its full total range (COWS 0–48, SOWS 0–64...), with its
        // published band thresholds as labelled lines, so a low score never looks high on an auto-scaled axis.
        // With an episode, only its own assessments are drawn: others belong to another course and another origin.
        if (episode is not null)
        {
            assessments = assessments.Where(a => a.EpisodeId == episode.Id).ToList();
        }

        var series = assessments.OrderBy(a => a.AssessedAt).GroupBy(a => a.InstrumentId).Select(g =>
        {
            var definition = InstrumentCatalog.Default.Find(g.Key);
            return new
            {
                instrument = g.Key,
                name = ShortName(g.Key, definition?.Name),
                min = definition?.TotalRange.Min ?? 0,
                max = definition?.TotalRange.Max ?? g.Max(a => a.Total),
                bands = (definition?.Bands ?? []).Select(b => new { label = b.Label, from = b.Min }).ToList(),
                points = g.Select(a => new { x = Math.Round((a.AssessedAt - origin).TotalHours, 1), y = a.Total, band = a.Band }).ToList(),
            };
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
