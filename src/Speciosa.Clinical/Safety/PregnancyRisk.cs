using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Safety;

/// <summary>Raises the pregnancy, breastfeeding and conception-planning alerts (kratom-safety.md section 3.3).
/// Each status gives its own alert (pregnant and breastfeeding together give two). Planning conception is
/// ignored while pregnant. The wording cites the neonatal abstinence syndrome reports and the absence of
/// lactation data; it states no risk size, because the reference gives none. A pregnancy alert leads with the standard of
/// care (audit E3, §2.5): opioid agonist treatment (buprenorphine or methadone) is recommended for opioid use disorder in
/// pregnancy and preferred over medically supervised withdrawal (ACOG Committee Opinion 711, 2017; SAMHSA 2018, from
/// memory); kratom has no evidence base in pregnancy; abrupt stopping is to be avoided. The conception text does not
/// read as reassurance (§2.4).</summary>
public static class PregnancyRisk
{
    public static IReadOnlyList<Alert> Evaluate(bool pregnant, bool breastfeeding, bool planningConception, bool onKratomRegimen) =>
        Evaluate(pregnant, breastfeeding, planningConception, onKratomRegimen, PregnancyFacts.Default);

    public static IReadOnlyList<Alert> Evaluate(bool pregnant, bool breastfeeding, bool planningConception, bool onKratomRegimen, PregnancyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var alerts = new List<Alert>();
        var inputs = Inputs(pregnant, breastfeeding, planningConception, onKratomRegimen);
        var nas = Say(facts, "nas-case-reports", "nas-systematic-reviews", "nas-poison-centre");

        if (pregnant)
        {
            var standard = Say(facts, "oat-in-pregnancy", "kratom-no-evidence-in-pregnancy");
            alerts.Add(onKratomRegimen
                ? new Alert(PregnancyAlertRules.PregnantOnRegimen, "safety:pregnancy:pregnant",
                    "Pregnant with a kratom regimen. " + standard + " " + nas
                        + " Offer referral for buprenorphine or methadone treatment with obstetric care; do not stop kratom abruptly; plan neonatal monitoring with obstetric and neonatal care.",
                    inputs, "Pregnant and on a kratom regimen")
                : new Alert(PregnancyAlertRules.PregnantBeforeRegimen, "safety:pregnancy:pregnant",
                    "Pregnant. " + standard + " " + nas + " Offer referral for buprenorphine or methadone treatment with obstetric care before considering any kratom regimen.",
                    inputs, "Pregnant"));
        }

        if (breastfeeding)
        {
            var lactation = Say(facts, "lactation-no-data");
            alerts.Add(onKratomRegimen
                ? new Alert(PregnancyAlertRules.BreastfeedingOnRegimen, "safety:pregnancy:breastfeeding",
                    "Breastfeeding with a kratom regimen. " + lactation + " " + nas + " Review the regimen with the supervising clinician and watch the infant for sedation and withdrawal signs.",
                    inputs, "Breastfeeding and on a kratom regimen")
                : new Alert(PregnancyAlertRules.BreastfeedingBeforeRegimen, "safety:pregnancy:breastfeeding",
                    "Breastfeeding. " + lactation + " Review before starting any kratom regimen.",
                    inputs, "Breastfeeding"));
        }

        if (planningConception && !pregnant)
        {
            var planning = Say(facts, "oat-in-pregnancy", "kratom-no-evidence-in-pregnancy") + " " + nas + " " + Say(facts, "fertility");
            alerts.Add(onKratomRegimen
                ? new Alert(PregnancyAlertRules.PlanningConceptionOnRegimen, "safety:pregnancy:planning-conception",
                    "Planning conception with a kratom regimen. " + planning + " Discuss the regimen and contraception plans with the supervising clinician.",
                    inputs, "Planning conception and on a kratom regimen")
                : new Alert(PregnancyAlertRules.PlanningConceptionBeforeRegimen, "safety:pregnancy:planning-conception",
                    "Planning conception. " + planning + " Review before starting any kratom regimen.",
                    inputs, "Planning conception"));
        }

        return alerts;
    }

    private static string Say(PregnancyFacts facts, params string[] ids) =>
        string.Join(" ", ids.Select(facts.Get).Select(s => s.Text + " [" + string.Join(", ", s.Sources) + "]"));

    private static List<AlertInput> Inputs(bool pregnant, bool breastfeeding, bool planningConception, bool onKratomRegimen) =>
    [
        new("Pregnant", YesNo(pregnant)),
        new("Breastfeeding", YesNo(breastfeeding)),
        new("Planning conception", YesNo(planningConception)),
        new("On a kratom regimen", YesNo(onKratomRegimen)),
    ];

    private static string YesNo(bool value) => value ? "yes" : "no";
}
