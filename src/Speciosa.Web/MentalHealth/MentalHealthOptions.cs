namespace Speciosa.Web.MentalHealth;

/// <summary>Clinic settings of the mental-health feature: the crisis line a patient is shown after answering PHQ-9
/// item 9 above 0 (<c>MentalHealth:CrisisLine</c>; default the US 988 Suicide &amp; Crisis Lifeline).</summary>
public sealed class MentalHealthOptions(IConfiguration configuration)
{
    public const string DefaultCrisisLine = "call or text 988 (Suicide & Crisis Lifeline, United States)";

    public string CrisisLine { get; } = configuration["MentalHealth:CrisisLine"] is { Length: > 0 } line ? line : DefaultCrisisLine;

    /// <summary>What a patient reads after answering item 9 above 0: plain words, no rule, threshold or score.</summary>
    public string PatientSafetyMessage =>
        "Thank you for answering honestly. If you are thinking about harming yourself or feel unsafe right now, " +
        $"{CrisisLine}, or your local emergency number, or go to the nearest emergency department. " +
        "Your care team will see your answers and will talk with you about them.";
}
