namespace Speciosa.Clinical.Liver;

/// <summary>A liver test result as the lab reported it: value and UCUM unit, when it was collected, and
/// the lab's upper limit of normal in the same unit (null: the clinic default applies).</summary>
public sealed record LiverResult(
    LiverTest Test,
    decimal Value,
    string Unit,
    DateTimeOffset CollectedAt,
    decimal? UpperLimitOfNormal = null);
