using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Withdrawal.Opioids;

/// <summary>The unit a daily opioid amount is entered in: mg/day, or mcg/hr for transdermal fentanyl (CDC 2022).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DoseUnit>))]
public enum DoseUnit
{
    [JsonStringEnumMemberName("mg/day")]
    MilligramsPerDay,

    [JsonStringEnumMemberName("mcg/hr")]
    MicrogramsPerHour,
}

/// <summary>Display text of a <see cref="DoseUnit"/>.</summary>
public static class DoseUnitText
{
    /// <summary>"mg/day" or "mcg/hr".</summary>
    public static string Of(DoseUnit unit) => unit switch
    {
        DoseUnit.MilligramsPerDay => "mg/day",
        DoseUnit.MicrogramsPerHour => "mcg/hr",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };
}
