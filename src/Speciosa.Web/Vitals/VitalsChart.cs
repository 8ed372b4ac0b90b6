using System.Text.Json;

namespace Speciosa.Web.Vitals;

/// <summary>The trend as the chart script reads it: one label per time (clinic zone), a value or null per series, and
/// the clinic's respiratory rate and SpO2 thresholds as lines.</summary>
public static class VitalsChart
{
    public static readonly string[] Series = ["heartRate", "systolic", "diastolic", "respiratoryRate", "spo2", "temperature", "poss"];

    public static string Json(VitalsTrend trend, Func<DateTimeOffset, string> local, int respiratoryRateBelow, int spo2Below)
    {
        var times = trend.Points.Select(p => p.At).Distinct().Order().ToList();
        var index = times.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        var series = Series.ToDictionary(s => s, _ => new decimal?[times.Count]);
        foreach (var p in trend.Points)
        {
            series[p.Series][index[p.At]] = p.Value;
        }

        return JsonSerializer.Serialize(new
        {
            labels = times.Select(local).ToList(),
            series,
            respiratoryRateBelow,
            spo2Below,
        }, JsonSerializerOptions.Web).Replace("</", "<\\/", StringComparison.Ordinal);
    }
}
