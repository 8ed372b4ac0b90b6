using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Withdrawal.Opioids;

/// <summary>The unit a daily opioid amount is entered in: mg/day, or mcg/hr for transdermal fentanyl (CDC 2022), or g/day
/// of product for kratom leaf, powder, extracts and "enhanced" products (issue 13 part 4; no MME for these).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DoseUnit>))]
public enum DoseUnit
{
    [JsonStringEnumMemberName("mg/day")]
    MilligramsPerDay,

    [JsonStringEnumMemberName("mcg/hr")]
    MicrogramsPerHour,

    [JsonStringEnumMemberName("g/day")]
    GramsPerDay,
}

/// <summary>Display text of a <see cref="DoseUnit"/>.</summary>
public static class DoseUnitText
{
    /// <summary>"mg/day", "mcg/hr" or "g/day".</summary>
    public static string Of(DoseUnit unit) => unit switch
    {
        DoseUnit.MilligramsPerDay => "mg/day",
        DoseUnit.MicrogramsPerHour => "mcg/hr",
        DoseUnit.GramsPerDay => "g/day",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>The unit written as <see cref="Of"/> writes it, or null.</summary>
    public static DoseUnit? Parse(string? text) => text switch
    {
        "mg/day" => DoseUnit.MilligramsPerDay,
        "mcg/hr" => DoseUnit.MicrogramsPerHour,
        "g/day" => DoseUnit.GramsPerDay,
        _ => null,
    };
}
