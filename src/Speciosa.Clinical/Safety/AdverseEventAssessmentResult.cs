using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Safety;

/// <summary>Whether an event is serious, every reason it is (each ticked criterion, and the grade when 4 or 5),
/// and the immediate alert a serious event raises (null when not serious). <see cref="LiverPanelAlert"/> is raised for a
/// liver-injury symptom whatever the seriousness (audit E14).</summary>
public sealed record AdverseEventAssessmentResult(bool IsSerious, IReadOnlyList<string> Reasons, Alert? Alert, Alert? LiverPanelAlert = null)
{
    /// <summary>Every alert the event raises.</summary>
    public IReadOnlyList<Alert> Alerts => new[] { Alert, LiverPanelAlert }.OfType<Alert>().ToList();
}
