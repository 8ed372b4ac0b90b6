using System.Globalization;

namespace Speciosa.Web.Vitals;

/// <summary>Vital signs in words with their units, for pages.</summary>
public static class VitalsText
{
    public static string Summary(VitalSignsView v)
    {
        var parts = new List<string>();
        if (v.HeartRateBpm is { } hr)
        {
            parts.Add($"heart rate {hr} /min" + (v.HeartRateSource == "COWS resting pulse" ? " (the COWS resting pulse)" : ""));
        }

        if (v.SystolicMmHg is { } sys && v.DiastolicMmHg is { } dia)
        {
            parts.Add($"blood pressure {sys}/{dia} mmHg");
        }

        if (v.RespiratoryRatePerMin is { } rr)
        {
            parts.Add($"respiratory rate {rr} /min");
        }

        if (v.Spo2Percent is { } spo2)
        {
            parts.Add($"SpO2 {spo2} %");
        }

        if (v.TemperatureCelsius is { } t)
        {
            parts.Add($"temperature {t.ToString("0.0", CultureInfo.InvariantCulture)} °C");
        }

        if (v.Poss is { } poss)
        {
            parts.Add($"POSS {poss} ({v.PossLabel})");
        }

        return string.Join(", ", parts);
    }
}
