using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Safety;

/// <summary>Whether an event is serious, every reason it is (each ticked criterion, and the grade when 4 or 5),
/// and the immediate alert a serious event raises (null when not serious).</summary>
public sealed record AdverseEventAssessmentResult(bool IsSerious, IReadOnlyList<string> Reasons, Alert? Alert);
