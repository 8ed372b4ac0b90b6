using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Treatment;

/// <summary>What the clinic has recorded about overdose prevention for one patient: the newest naloxone supply and training
/// and the newest fentanyl test strip offer (null when never recorded).</summary>
public sealed record OverdosePreventionFacts(DateOnly? NaloxoneSuppliedOn, DateOnly? NaloxoneTrainingOn, DateOnly? TestStripsOfferedOn);

/// <summary>CDC 2022 Recommendation 8 (offer naloxone; every patient with opioid use disorder qualifies), as the clinical audit
/// asks (section 3.2): a patient on a kratom regimen with no naloxone supply recorded is alerted. Training and fentanyl test
/// strips are shown as inputs; their absence alone does not alert.</summary>
public static class NaloxoneCheck
{
    public static IReadOnlyList<Alert> Evaluate(Guid patientId, bool onRegimen, string regimenBasis, OverdosePreventionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!onRegimen || facts.NaloxoneSuppliedOn is not null)
        {
            return [];
        }

        return
        [
            new Alert(TreatmentAlertRules.NaloxoneMissing, $"patient/{patientId}/overdose:naloxone",
                "The patient is on a kratom regimen and no naloxone supply is recorded. Offer naloxone (every patient with opioid use disorder "
                + "qualifies), show them and the people around them how to use it, and record the supply and the training.",
                [
                    new AlertInput("Regimen", regimenBasis),
                    new AlertInput("Naloxone supplied", "not recorded"),
                    new AlertInput("Naloxone training", Day(facts.NaloxoneTrainingOn)),
                    new AlertInput("Fentanyl test strips offered", Day(facts.TestStripsOfferedOn)),
                ],
                "On a kratom regimen with no naloxone supply recorded (CDC 2022 Recommendation 8: offer naloxone)"),
        ];
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not recorded";
}
