namespace Speciosa.Clinical.Safety;

/// <summary>How the adverse event ended, or stands now.</summary>
public enum AdverseEventOutcome
{
    Recovered,
    Recovering,
    NotRecovered,
    RecoveredWithSequelae,
    Fatal,
    Unknown,
}
