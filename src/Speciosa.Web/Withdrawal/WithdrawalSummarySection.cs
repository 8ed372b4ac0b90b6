using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Documents;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Withdrawal;

/// <summary>The printed summary's withdrawal scores: one chart per instrument over time (its full total range, its
/// published band thresholds as dashed lines), then the latest assessments as a table carrying the same values.</summary>
public sealed class WithdrawalSummarySection(WithdrawalRecords withdrawal) : IPatientSummarySection
{
    public int Order => 20;

    public async Task<IReadOnlyList<DocBlock>> LoadAsync(PatientSummaryContext context, CancellationToken ct)
    {
        var assessments = await withdrawal.AssessmentsAsync(context.Patient.Id, ct);
        var blocks = new List<DocBlock> { new DocHeading("Withdrawal scores") };
        if (assessments.Count == 0)
        {
            blocks.Add(new DocText("No assessments recorded."));
            return blocks;
        }

        foreach (var group in assessments.GroupBy(a => a.InstrumentId).OrderBy(g => g.Key == InstrumentCatalog.CowsId ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var definition = InstrumentCatalog.Default.Find(group.Key);
            var name = definition?.Name ?? group.Key;
            var min = definition?.TotalRange.Min ?? 0;
            var max = definition?.TotalRange.Max ?? group.Max(a => a.Total);
            blocks.Add(new DocChart(new ChartSpec(
                $"{name}: total score over time ({min}–{max}; band thresholds dashed; times in {context.Zone.Id})",
                $"date ({context.Zone.Id})", "total score",
                [new ChartSeries(name, group.OrderBy(a => a.AssessedAt).Select(a => new ChartPoint(DocumentCharts.X(a.AssessedAt, context.Zone), a.Total)).ToList())],
                (definition?.Bands ?? []).Where(b => b.Min > min).Select(b => new ChartLine(b.Min, $"{b.Label} from {b.Min}")).ToList(),
                min, max)));
        }

        blocks.Add(new DocTable(
            [$"Assessed ({context.Zone.Id})", "Instrument", "Total", "Band", "Rated by"],
            assessments.OrderByDescending(a => a.AssessedAt).Take(15).Select(a => (IReadOnlyList<string>)
            [
                context.Zone.Local(a.AssessedAt),
                InstrumentCatalog.Default.Find(a.InstrumentId)?.Name ?? a.InstrumentId,
                a.Total.ToString(System.Globalization.CultureInfo.InvariantCulture),
                a.Band ?? "",
                a.PatientReported ? $"{a.RatedBy} (patient-reported{(a.AwaitingReview ? ", awaiting staff review" : "")})" : a.RatedBy,
            ]).ToList(),
            [1.6, 2.2, 0.6, 1.3, 2]));
        return blocks;
    }
}
