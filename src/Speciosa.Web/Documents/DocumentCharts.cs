using ScottPlot;
using Speciosa.Web.Clinics;

namespace Speciosa.Web.Documents;

/// <summary>Charts drawn on the server with ScottPlot, in the bundled font, as PNG for a PDF.</summary>
public static class DocumentCharts
{
    private static readonly Color[] Palette =
        [Color.FromHex("#1f4e79"), Color.FromHex("#b03a2e"), Color.FromHex("#1e8449"), Color.FromHex("#7d3c98"), Color.FromHex("#b9770e"), Color.FromHex("#2e4053")];

    /// <summary>An instant as a date-axis X value: its clock time in the clinic's zone.</summary>
    public static double X(DateTimeOffset at, ClinicZone zone) => TimeZoneInfo.ConvertTime(at, zone.Zone).DateTime.ToOADate();

    public static byte[] Png(ChartSpec spec, int width, int height)
    {
        DocumentFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(DocumentFonts.Family);
        var i = 0;
        foreach (var series in spec.Series.Where(s => s.Points.Count > 0))
        {
            var color = Palette[i++ % Palette.Length];
            var scatter = plot.Add.Scatter(series.Points.Select(p => p.X).ToArray(), series.Points.Select(p => p.Y).ToArray(), color);
            scatter.LegendText = series.Name;
            scatter.MarkerSize = 6;
            scatter.LineWidth = 2;
        }

        foreach (var line in spec.Lines ?? [])
        {
            // Unlabelled here: a label on the axis would hide the tick numbers. The caption names each line in text.
            plot.Add.HorizontalLine(line.Y, 1.5f, Colors.Gray, LinePattern.Dashed);
        }

        if (spec.XIsDate)
        {
            plot.Axes.DateTimeTicksBottom();
        }

        plot.XLabel(spec.XLabel, 12);
        plot.YLabel(spec.YLabel, 12);
        plot.Axes.AutoScale();
        if (spec.YMin is { } min && spec.YMax is { } max)
        {
            plot.Axes.SetLimitsY(min, max);
        }

        if (i > 0)
        {
            plot.ShowLegend(Alignment.UpperLeft);
        }

        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
