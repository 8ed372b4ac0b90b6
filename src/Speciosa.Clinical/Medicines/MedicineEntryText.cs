using System.Text.RegularExpressions;

namespace Speciosa.Clinical.Medicines;

/// <summary>A medicine as a clinician writes it on one line ("alprazolam 0.5 mg tid"): the name, and the dose and frequency
/// kept exactly as written (never adjusted, never proposed). <see cref="FrequencyInWords"/> spells out a recognised
/// abbreviation ("tid" → "three times a day"); an unrecognised frequency is kept as written without a meaning.</summary>
public sealed partial record MedicineEntryText(string Name, string? Dose, string? Frequency)
{
    public const int MaxPartLength = 50;

    private static readonly Dictionary<string, string> Frequencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["qd"] = "once a day", ["od"] = "once a day", ["daily"] = "once a day", ["once daily"] = "once a day", ["once a day"] = "once a day",
        ["bid"] = "twice a day", ["bd"] = "twice a day", ["twice daily"] = "twice a day", ["twice a day"] = "twice a day",
        ["tid"] = "three times a day", ["tds"] = "three times a day", ["three times daily"] = "three times a day", ["three times a day"] = "three times a day",
        ["qid"] = "four times a day", ["qds"] = "four times a day", ["four times daily"] = "four times a day", ["four times a day"] = "four times a day",
        ["qhs"] = "at bedtime", ["hs"] = "at bedtime", ["nocte"] = "at night", ["at night"] = "at night", ["at bedtime"] = "at bedtime",
        ["mane"] = "in the morning", ["prn"] = "as needed", ["as needed"] = "as needed", ["weekly"] = "once a week", ["once weekly"] = "once a week",
        ["q4h"] = "every 4 hours", ["q6h"] = "every 6 hours", ["q8h"] = "every 8 hours", ["q12h"] = "every 12 hours", ["q24h"] = "every 24 hours",
    };

    /// <summary>The recognised meaning of <see cref="Frequency"/>, or null when there is none or it is not recognised.</summary>
    public string? FrequencyInWords =>
        Frequency is { } f && Frequencies.TryGetValue(Regex.Replace(f.Trim().TrimEnd('.'), @"\s+", " "), out var words) ? words : null;

    /// <summary>Dose and frequency for display, e.g. "0.5 mg, tid (three times a day)"; null when neither was written.</summary>
    public string? DoseAndFrequency =>
        (Dose, Frequency) switch
        {
            (null, null) => null,
            (var d, null) => d,
            (null, var f) => f + (FrequencyInWords is { } w ? $" ({w})" : string.Empty),
            (var d, var f) => $"{d}, {f}" + (FrequencyInWords is { } w ? $" ({w})" : string.Empty),
        };

    /// <summary>Splits "name amount unit [frequency]" (e.g. "alprazolam 0.5 mg tid", "Methadone 60mg daily"). Text without a
    /// dose ("sertraline", "St John's wort") is all name. A decimal comma is kept as written. Nothing is rounded or changed.</summary>
    public static MedicineEntryText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = Regex.Replace(text.Trim(), @"\s+", " ");
        var match = DosePattern().Match(trimmed);
        if (!match.Success)
        {
            return new MedicineEntryText(trimmed, null, null);
        }

        var name = match.Groups["name"].Value.Trim();
        var dose = $"{match.Groups["amount"].Value} {match.Groups["unit"].Value}{match.Groups["rest"].Value}";
        var frequency = match.Groups["frequency"].Value.Trim();
        return new MedicineEntryText(name, dose, frequency.Length == 0 ? null : frequency);
    }

    [GeneratedRegex(@"^(?<name>.*?[^\d\s].*?)\s+(?<amount>\d+(?:[.,]\d+)?)\s*(?<unit>mg|mcg|µg|ug|g|ml|mL|units?|IU|iu|%|drops?|tablets?|tabs?|capsules?|caps?|puffs?|patch(?:es)?)(?=\s|$|/)(?<rest>/\S+)?\s*(?<frequency>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DosePattern();

    public override string ToString() => DoseAndFrequency is { } d ? $"{Name} {d}" : Name;
}
