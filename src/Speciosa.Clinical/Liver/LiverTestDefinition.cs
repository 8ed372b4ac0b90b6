namespace Speciosa.Clinical.Liver;

/// <summary>A catalogued liver test: LOINC code, UCUM unit the core evaluates in, and the reported
/// units it accepts (clinical-instruments.md section 3).</summary>
public sealed record LiverTestDefinition(
    LiverTest Test,
    string Loinc,
    string Name,
    string EvaluationUnit,
    IReadOnlyList<AcceptedUnit> AcceptedUnits,
    IReadOnlyList<string> Sources,
    string? Note = null);

/// <summary>A reported UCUM unit and the divisor that turns a value in it into the evaluation unit.
/// <see cref="Unconfirmed"/> marks a conversion the reference does not give (shown as such).</summary>
public sealed record AcceptedUnit(string Unit, decimal Divisor, bool Unconfirmed = false, string? Source = null, string? Note = null);
