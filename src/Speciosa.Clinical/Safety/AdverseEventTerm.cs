namespace Speciosa.Clinical.Safety;

/// <summary>A common adverse-event term with the frequencies the reference gives (none where it gives none;
/// <see cref="Note"/> says why, and <see cref="Unconfirmed"/> marks what the reference marks UNCONFIRMED).
/// <see cref="LiverSymptom"/>: a sign of liver injury that asks for a liver panel now, whatever the seriousness (audit E14).</summary>
public sealed record AdverseEventTerm(
    string Id,
    string Name,
    IReadOnlyList<ReportedFrequency> Frequencies,
    string? Note = null,
    bool Unconfirmed = false,
    bool LiverSymptom = false);
