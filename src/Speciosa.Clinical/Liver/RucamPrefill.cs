using System.Globalization;

namespace Speciosa.Clinical.Liver;

/// <summary>Fills the RUCAM items that recorded data can answer: time to onset (1), course after
/// stopping (2), alcohol, age and pregnancy (3). Returns the answer id and the basis in words; a null
/// answer leaves the item to the clinician (the basis says what is missing).</summary>
internal static class RucamPrefill
{
    public static (string? AnswerId, string Basis) For(string itemId, RucamFacts facts) => itemId switch
    {
        "onset" => Onset(facts),
        "course" => Course(facts),
        "alcohol" => Alcohol(facts),
        "age" => facts.AgeYears is { } age
            ? (age >= 55 ? "present" : "absent", Text($"Age {age} years."))
            : (null, "Age not recorded."),
        "pregnancy" => facts.Pregnant is { } pregnant
            ? (pregnant ? "present" : "absent", pregnant ? "Recorded as pregnant." : "Recorded as not pregnant.")
            : (null, "Pregnancy status not recorded."),
        "alternative-causes" => (null, "To be answered by the clinician." + AstAltNote(facts)),
        _ => (null, "To be answered by the clinician."),
    };

    /// <summary>AST/ALT ≥ 2 at onset points to alcohol among the Group I causes (audit E16); a note only, never an answer.</summary>
    public static string AstAltNote(RucamFacts facts)
    {
        var panel = facts.Onset is { } onset ? facts.Panels.FirstOrDefault(p => p.CollectedAt == onset) : null;
        if (panel?[LiverTest.Alt] is not { } alt || panel[LiverTest.Ast] is not { } ast || alt.Value <= 0)
        {
            return string.Empty;
        }

        var ratio = ast.Value / alt.Value;
        return ratio >= 2m
            ? Text($" AST/ALT = {ratio:0.#} at onset (≥ 2): consider alcoholic liver disease among the Group I causes.")
            : string.Empty;
    }

    /// <summary>Days after stopping beyond which RUCAM item 1 has no answer: 15 (hepatocellular), 30 (cholestatic or mixed).</summary>
    public static int AfterStoppingWindowDays(RucamForm form) => form == RucamForm.Hepatocellular ? 15 : 30;

    /// <summary>"Not assessable by RUCAM" with the reason when onset lies outside every item-1 window, else null.</summary>
    public static string? NotAssessable(RucamFacts facts)
    {
        if (facts.Onset is not { } onset || facts.FirstDose is not { } first || facts.Rechallenge)
        {
            return null;
        }

        if (onset < first)
        {
            return Text($"Not assessable by RUCAM: onset ({onset:yyyy-MM-dd}) is before the first kratom exposure ({first:yyyy-MM-dd}); RUCAM treats the case as unrelated to the product.");
        }

        var window = AfterStoppingWindowDays(facts.Form);
        return facts.LastDose is { } last && onset > last && Days(last, onset) > window
            ? Text($"Not assessable by RUCAM: onset {Days(last, onset)} days after stopping, beyond the {window}-day window of the {(facts.Form == RucamForm.Hepatocellular ? "hepatocellular" : "cholestatic or mixed")} form (except slowly metabolised chemicals); RUCAM treats the case as unrelated to the product.")
            : null;
    }

    private static (string?, string) Onset(RucamFacts facts)
    {
        if (NotAssessable(facts) is { } outside)
        {
            return (null, outside);
        }

        if (facts.Onset is not { } onset || facts.FirstDose is not { } first)
        {
            return (null, "Onset or first dose date not recorded.");
        }

        var fromStart = Days(first, onset);
        var hepatocellular = facts.Form == RucamForm.Hepatocellular;
        if (facts.Rechallenge)
        {
            // Rechallenge windows: hepatocellular 1-15 d, cholestatic/mixed 1-90 d [KS-S22][KS-S23].
            var limit = hepatocellular ? 15 : 90;
            return fromStart < 1
                ? (null, Text($"Rechallenge onset {fromStart} days from re-start: outside the scored windows."))
                : (fromStart <= limit ? (hepatocellular ? "rechallenge-1-15" : "rechallenge-1-90") : (hepatocellular ? "rechallenge-over15" : "rechallenge-over90"),
                    Text($"Rechallenge: onset {fromStart} days after re-starting."));
        }

        if (facts.LastDose is { } last && onset > last)
        {
            // Onset after stopping: whether the "from stopping" answer applies (not for slowly metabolised
            // chemicals) is the clinician's call.
            var window = AfterStoppingWindowDays(facts.Form);
            return (null, Text($"Onset {Days(last, onset)} days after stopping ({fromStart} days from start); \"from stopping\" (+1) applies within {window} days unless slowly metabolised."));
        }

        return fromStart < 0
            ? (null, Text($"Onset recorded {-fromStart} days before the first dose."))
            : (fromStart is >= 5 and <= 90 ? "start-5-90" : "start-under5-or-over90", Text($"Onset {fromStart} days after the first dose."));
    }

    private static (string?, string) Course(RucamFacts facts)
    {
        var hepatocellular = facts.Form == RucamForm.Hepatocellular;
        var noInfo = hepatocellular ? "no-info-or-continued-use" : "no-info-persistence-rise-or-continued-use";
        if (facts.LastDose is not { } stop)
        {
            return (noInfo, "Product still being taken (continued use).");
        }

        var test = hepatocellular ? LiverTest.Alt : LiverTest.Alp;
        var series = facts.Panels
            .Where(p => p.TimesUln(test) is not null)
            .OrderBy(p => p.CollectedAt)
            .Select(p => (p.CollectedAt, Ratio: p.TimesUln(test)!.Value.Ratio))
            .ToList();
        if (series.Count == 0)
        {
            return (noInfo, Text($"No {test} results recorded."));
        }

        var peak = series.MaxBy(s => s.Ratio);
        if (peak.Ratio <= 1m)
        {
            return (null, Text($"{test} never above ULN: course not scorable from data."));
        }

        // % fall from peak toward ULN, in multiples of ULN so results from different labs compare.
        var after = series
            .Where(s => s.CollectedAt > stop && s.CollectedAt > peak.CollectedAt)
            .Select(s => (Day: Days(stop, s.CollectedAt), Fall: (peak.Ratio - s.Ratio) / (peak.Ratio - 1m)))
            .ToList();
        if (after.Count == 0)
        {
            return (noInfo, Text($"No {test} results after stopping and after the peak."));
        }

        var halved = after.FirstOrDefault(a => a.Fall >= 0.5m);
        var halvedText = Text($"{test} fell ≥50% toward ULN by day {halved.Day} after stopping.");
        if (hepatocellular)
        {
            if (halved != default)
            {
                return (halved.Day <= 8 ? "fall50-within-8d" : halved.Day <= 30 ? "fall50-within-30d" : "fall50-after-30d", halvedText);
            }

            return after.Any(a => a.Day > 30)
                ? ("under50-after-30d-or-rerise", "ALT fell <50% toward ULN with follow-up beyond day 30.")
                : (null, "ALT has not yet fallen ≥50% and follow-up is within 30 days: answer when known.");
        }

        if (halved != default && halved.Day <= 180)
        {
            return ("fall50-within-180d", halvedText);
        }

        if (after.Any(a => a.Day >= 180))
        {
            var atLimit = after.Last(a => a.Day <= 180 || a == after[0]);
            return atLimit.Fall > 0m
                ? ("under50-within-180d", Text($"ALP fell {atLimit.Fall:P0} toward ULN by day {atLimit.Day}."))
                : (noInfo, "ALP persisted or rose after stopping.");
        }

        return (null, "ALP has not yet fallen ≥50% and follow-up is within 180 days: answer when known.");
    }

    private static (string?, string) Alcohol(RucamFacts facts)
    {
        if (facts.AlcoholDrinksPerDay is not { } drinks || facts.Sex is not { } sex)
        {
            return (null, "Alcohol intake or sex not recorded.");
        }

        // >2 drinks/day for women, >3 for men [KS-S22][KS-S23].
        var limit = sex == PatientSex.Female ? 2m : 3m;
        return (drinks > limit ? "present" : "absent", Text($"{drinks} drinks/day recorded ({sex}; risk factor above {limit})."));
    }

    private static int Days(DateTimeOffset from, DateTimeOffset to) => (int)Math.Floor((to - from).TotalDays);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
