namespace Speciosa.Clinical.Medicines;

/// <summary>Screens a patient's co-medications against the kratom interaction rule base. Pure and deterministic:
/// the same medicines and rule base always give the same answers, in input order.</summary>
public static class InteractionScreening
{
    /// <summary>Screens against the default rule base and class catalogue. Set
    /// <paramref name="lotWithoutAdulterantScreen"/> when the patient's kratom lot has a certificate of analysis
    /// without an adulterant screen: the adulterant rule then applies whatever the co-medication.</summary>
    public static InteractionScreeningResult Screen(IEnumerable<ScreenedMedicine> medicines, bool lotWithoutAdulterantScreen = false) =>
        Screen(medicines, lotWithoutAdulterantScreen, InteractionRuleBase.Default, DrugClassCatalogue.Default);

    public static InteractionScreeningResult Screen(
        IEnumerable<ScreenedMedicine> medicines,
        bool lotWithoutAdulterantScreen,
        InteractionRuleBase ruleBase,
        DrugClassCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(medicines);
        ArgumentNullException.ThrowIfNull(ruleBase);
        ArgumentNullException.ThrowIfNull(catalogue);

        var screenings = medicines.Select(m => ScreenOne(m, ruleBase, catalogue)).ToList();
        var lotRules = lotWithoutAdulterantScreen ? ruleBase.UnscreenedLotRules.ToList() : [];
        var alerts = InteractionAlerts.Raise(screenings, lotRules, ruleBase.Version);
        return new InteractionScreeningResult(ruleBase.Version, ruleBase.AsOf, catalogue.Version, screenings, lotRules, alerts);
    }

    private static MedicineScreening ScreenOne(ScreenedMedicine medicine, InteractionRuleBase ruleBase, DrugClassCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(medicine);
        var entry = catalogue.Find(medicine.Name, medicine.RxNorm);

        // The clinician's classes and the catalogue's are combined: missing a class would hide a rule.
        var classes = new List<MedicineClass>();
        var unrecognised = new List<string>();
        foreach (var recorded in medicine.Classes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (catalogue.IsKnownClass(recorded))
            {
                classes.Add(new MedicineClass(recorded, ClassOrigin.Recorded));
            }
            else
            {
                unrecognised.Add(recorded);
            }
        }

        foreach (var fromCatalogue in entry?.Classes ?? [])
        {
            if (catalogue.IsKnownClass(fromCatalogue) && classes.All(c => c.ClassId != fromCatalogue))
            {
                classes.Add(new MedicineClass(fromCatalogue, ClassOrigin.Catalogue));
            }
        }

        var names = new[] { medicine.Name.Trim() }.Concat(entry is null ? [] : [entry.Name, .. entry.Aliases ?? []]).ToList();
        var matches = new List<InteractionMatch>();
        foreach (var rule in ruleBase.MedicineRules)
        {
            var matchedClasses = classes.Select(c => c.ClassId).Where(rule.CoversClass).ToList();
            var matchedByName = names.Any(rule.CoversSubstance);
            if (matchedClasses.Count > 0 || matchedByName)
            {
                matches.Add(new InteractionMatch(rule, matchedClasses, matchedByName));
            }
        }

        // A broad class (e.g. "antidepressant") never answers "no known interaction": for a medicine the catalogue does not
        // know, it hides whether the medicine is serotonergic, an MAOI, QT-prolonging...; and a class list that is all
        // broad says nothing specific either.
        var broad = classes.Where(c => catalogue.GetClass(c.ClassId).Broad).ToList();
        var tooBroad = broad.Count > 0 && (entry is null || broad.Count == classes.Count);
        var outcome = matches.Count > 0 ? ScreeningOutcome.InteractionsFound
            : tooBroad ? ScreeningOutcome.ClassTooBroad
            : classes.Count > 0 ? ScreeningOutcome.NoKnownInteraction
            : ScreeningOutcome.NoData;
        return new MedicineScreening(medicine, outcome, entry, classes, unrecognised, matches);
    }
}
