namespace Speciosa.Clinical.Vitals;

/// <summary>One set of vital signs taken together; any may be absent. <see cref="Poss"/> is the POSS level as
/// entered ("S", "1" … "4").</summary>
public sealed record VitalSignReading(
    int? HeartRateBpm = null,
    int? SystolicMmHg = null,
    int? DiastolicMmHg = null,
    int? RespiratoryRatePerMin = null,
    int? Spo2Percent = null,
    decimal? TemperatureCelsius = null,
    string? Poss = null)
{
    public bool IsEmpty => HeartRateBpm is null && SystolicMmHg is null && DiastolicMmHg is null && RespiratoryRatePerMin is null
        && Spo2Percent is null && TemperatureCelsius is null && string.IsNullOrWhiteSpace(Poss);
}

/// <summary>A medicine on the patient's list as the rules see it: its name, the dose as written, and its drug class ids.</summary>
public sealed record ListedMedicine(string Name, string? Dose, IReadOnlyList<string> ClassIds)
{
    public string Described => Dose is null ? Name : $"{Name} {Dose}";
}
