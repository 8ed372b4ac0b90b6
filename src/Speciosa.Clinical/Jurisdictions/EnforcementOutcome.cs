namespace Speciosa.Clinical.Jurisdictions;

public enum EnforcementOutcome
{
    Allow = 0,

    /// <summary>Proceed only after a clinician reads the warnings and confirms.</summary>
    WarnAndConfirm = 1,

    Refuse = 2,
}
