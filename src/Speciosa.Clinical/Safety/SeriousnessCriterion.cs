namespace Speciosa.Clinical.Safety;

/// <summary>The regulatory seriousness criteria of an adverse event (FDA/ICH set; source LOCAL-SERIOUSNESS
/// until the primary text is added to the reference). Any one makes the event serious.</summary>
public enum SeriousnessCriterion
{
    Death,
    LifeThreatening,
    Hospitalisation,
    Disability,
    CongenitalAnomaly,
    OtherImportantMedicalEvent,
}
