namespace Speciosa.Clinical.Products;

/// <summary>One line of a certificate of analysis. <see cref="Value"/> is required when
/// <see cref="Qualifier"/> is Detected on a quantitative unit; LOD and LOQ are in <see cref="Unit"/>.</summary>
public sealed record AnalyteResult(
    string Analyte,
    decimal? Value,
    string Unit,
    ResultQualifier Qualifier = ResultQualifier.Detected,
    decimal? Lod = null,
    decimal? Loq = null);
