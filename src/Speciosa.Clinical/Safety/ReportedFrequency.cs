namespace Speciosa.Clinical.Safety;

/// <summary>A frequency as the reference reports it (e.g. "18.6%"), always with the population it describes
/// and its source. It describes reported exposures or surveys, not a supervised patient's risk.</summary>
public sealed record ReportedFrequency(string Figure, string Population, string Source);
