using System.Globalization;
using Speciosa.Clinical.Liver;
using Speciosa.Web.Documents;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Liver;

/// <summary>The printed summary's liver tests: each test as a multiple of its upper limit of normal over time with the
/// 1×, 2×, 3× and 5× lines (as the liver page draws them), then each panel's conclusions.</summary>
public sealed class LiverSummarySection(LiverReview review) : IPatientSummarySection
{
    public int Order => 30;

    public async Task<IReadOnlyList<DocBlock>> LoadAsync(PatientSummaryContext context, CancellationToken ct)
    {
        var evaluation = review.Evaluate(await review.CurrentResultsAsync(context.Patient.Id, ct));
        var blocks = new List<DocBlock> { new DocHeading("Liver tests") };
        if (evaluation.Panels.Count == 0)
        {
            blocks.Add(new DocText("No liver results recorded."));
            return blocks;
        }

        var series = Enum.GetValues<LiverTest>().Where(t => t != LiverTest.Inr)
            .Select(t => new ChartSeries(Name(t), evaluation.Panels.Where(p => p.TimesUln(t) is not null)
                .Select(p => new ChartPoint(DocumentCharts.X(p.CollectedAt, context.Zone), (double)p.TimesUln(t)!.Value.Ratio)).ToList()))
            .Where(s => s.Points.Count > 0).ToList();
        blocks.Add(new DocChart(new ChartSpec(
            $"Liver tests as multiples of the upper limit of normal (ULN) over time; lines at 1×, 2× (ALP, bilirubin), 3× (ALT/AST, Hy's law) and 5× (ALT, DILI); times in {context.Zone.Id}",
            $"date ({context.Zone.Id})", "× ULN", series,
            [new(1, "1× ULN"), new(2, "2× ULN"), new(3, "3× ULN"), new(5, "5× ULN")], 0,
            Math.Max(6, series.SelectMany(s => s.Points).Select(p => p.Y).DefaultIfEmpty(0).Max() * 1.1))));

        var chart = LiverChart.Of(evaluation, context.Zone.Zone);
        blocks.Add(new DocTable(
            [$"Collected ({context.Zone.Id})", "Results (× ULN; INR as measured)", "Pattern", "Hy's law"],
            chart.Panels.AsEnumerable().Reverse().Select(p => (IReadOnlyList<string>)
            [
                p.CollectedAt,
                string.Join("; ", p.Results.Select(r => r.TimesUln is { } x ? $"{Name(r.Test)} {x.ToString(CultureInfo.InvariantCulture)}×"
                    : r.Value is { } v ? $"{Name(r.Test)} {v.ToString(CultureInfo.InvariantCulture)}" : Name(r.Test))),
                p.Pattern ?? p.RText,
                p.HysLaw,
            ]).ToList(),
            [1.5, 3, 1.5, 2]));
        blocks.Add(new DocText($"eDISH: {chart.Edish?.Wording ?? "not computable"}", DocTextStyle.Small));
        return blocks;
    }

    private static string Name(string test) => Enum.TryParse<LiverTest>(test, out var t) ? Name(t) : test;

    private static string Name(LiverTest test) => test switch
    {
        LiverTest.Alt => "ALT",
        LiverTest.Ast => "AST",
        LiverTest.Alp => "ALP",
        LiverTest.Ggt => "GGT",
        LiverTest.Inr => "INR",
        LiverTest.TotalBilirubin => "total bilirubin",
        _ => test.ToString(),
    };
}
