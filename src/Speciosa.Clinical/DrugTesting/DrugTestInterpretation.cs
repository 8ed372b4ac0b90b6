using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.DrugTesting;

/// <summary>A medicine on the patient's current list as the interpretation sees it: its name as written and the class ids the
/// medicine core recognised.</summary>
public sealed record PrescribedMedicine(string Name, IReadOnlyList<string> ClassIds);

/// <summary>One result of a urine drug test: analyte, method (immunoassay or confirmation, with the technique such as LC-MS/MS),
/// positive or negative, and the cutoff in ng/mL when the lab gives one.</summary>
public sealed record DrugTestResult(string AnalyteId, string Method, string? Technique, bool Positive, decimal? CutoffNgPerMl);

/// <summary>How a result reads against what the patient is prescribed.</summary>
public enum ResultReading
{
    ExpectedPositive,
    UnexpectedPositive,
    ExpectedNegative,
    UnexpectedNegative,
}

/// <summary>A result with its reading, what explained it (or what was expected and missing) and the analyte's notes.</summary>
public sealed record InterpretedResult(DrugTestResult Result, Analyte Analyte, ResultReading Reading, string Explanation, IReadOnlyList<string> Notes);

/// <summary>Issue 13 part 5 (clinical audit section 3 item 8): validation and interpretation of urine drug test results against
/// the medicine list and the kratom regimen, and the unexpected-fentanyl alert. Pure.</summary>
public static class DrugTestInterpretation
{
    public static readonly string[] Methods = [DrugTestCatalogue.Immunoassay, DrugTestCatalogue.Confirmation];

    /// <summary>Unexpected fentanyl: positive with no fentanyl on the medicine list. Critical.</summary>
    public static AlertRule UnexpectedFentanyl { get; } = new("drugtest.unexpected-fentanyl", 1, AlertSeverity.Critical,
        "Fentanyl detected and not prescribed", new Source("drugtest-fentanyl",
            $"{DrugTestCatalogue.Default.Source("AUDIT-3-8").Citation} {DrugTestCatalogue.Default.Source("KS-S115").Citation} " +
            DrugTestCatalogue.Default.Source("ASAM-2017").Citation, DrugTestCatalogue.Default.Source("ASAM-2017").Url, Unconfirmed: true));

    /// <summary>Field-keyed problems of one result (<c>results[i].field</c>): a known analyte, a method it may be reported by
    /// (mitragynine and 7-OH by confirmation only, since opiate immunoassays do not detect them), a cutoff above zero.</summary>
    public static Dictionary<string, string[]> Check(int index, string? analyteId, string? method, string? result, decimal? cutoff)
    {
        var errors = new Dictionary<string, string[]>();
        var key = $"results[{index}]";
        var analyte = DrugTestCatalogue.Default.Find(analyteId);
        if (analyte is null)
        {
            errors[$"{key}.analyte"] = [$"Allowed: {string.Join(", ", DrugTestCatalogue.Default.Analytes.Select(a => a.Id))}."];
        }

        if (method is null || !Methods.Contains(method))
        {
            errors[$"{key}.method"] = [$"Allowed: {string.Join(", ", Methods)}."];
        }
        else if (analyte is not null && !analyte.Methods.Contains(method))
        {
            errors[$"{key}.method"] = [$"{analyte.Name} is reported by {string.Join(" or ", analyte.Methods)} only" +
                (analyte.ExplainedByKratomRegimen ? " (LC-MS/MS): opiate immunoassays do not detect it." : ".")];
        }

        if (result is not ("positive" or "negative"))
        {
            errors[$"{key}.result"] = ["Allowed: positive, negative."];
        }

        if (cutoff is <= 0 or > 100_000)
        {
            errors[$"{key}.cutoffNgPerMl"] = ["A cutoff above zero, at most 100000 ng/mL, or leave it out."];
        }

        return errors;
    }

    /// <summary>Reads each result against the current medicine list and whether a kratom regimen is active on the collection day.
    /// A positive is expected when a listed medicine (by name, case-insensitive) or class explains it; a negative is unexpected
    /// when such a medicine is listed and the analyte is one that should then be found (EDDP with methadone).</summary>
    public static IReadOnlyList<InterpretedResult> Interpret(IReadOnlyList<DrugTestResult> results, IReadOnlyList<PrescribedMedicine> medicines,
        bool onKratomRegimen)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(medicines);
        return results.Select(r =>
        {
            var analyte = DrugTestCatalogue.Default.Find(r.AnalyteId) ?? throw new ArgumentException($"Unknown analyte '{r.AnalyteId}'.", nameof(results));
            var explaining = medicines.Where(m => (analyte.ExplainedBy.Medicines ?? []).Any(n => string.Equals(n, m.Name.Trim(), StringComparison.OrdinalIgnoreCase))
                    || m.ClassIds.Any(c => (analyte.ExplainedBy.Classes ?? []).Contains(c)))
                .Select(m => m.Name).ToList();
            if (analyte.ExplainedByKratomRegimen && onKratomRegimen)
            {
                explaining.Add("kratom regimen");
            }

            var what = explaining.Count > 0 ? string.Join(", ", explaining) : null;
            var (reading, explanation) = (r.Positive, what) switch
            {
                (true, not null) => (ResultReading.ExpectedPositive, $"Expected: explained by {what}."),
                (true, null) => (ResultReading.UnexpectedPositive, "Unexpected positive: nothing on the medicine list or regimen explains it" +
                    (r.Method == DrugTestCatalogue.Immunoassay ? "; an immunoassay is presumptive, confirm it by a definitive method (LC-MS/MS)." : ".")),
                (false, not null) when analyte.UnexpectedNegativeMatters => (ResultReading.UnexpectedNegative,
                    $"Unexpected negative: {what} is listed, so {analyte.Name} would be expected."),
                (false, not null) => (ResultReading.ExpectedNegative, $"Negative; {what} is listed but this analyte is not a marker of it."),
                (false, null) => (ResultReading.ExpectedNegative, "Expected negative: nothing listed would show here."),
            };
            return new InterpretedResult(r, analyte, reading, explanation, analyte.Notes);
        }).ToList();
    }

    /// <summary>The Critical alert for an unexpected fentanyl positive; condition key <c>drugtest/{testKey}/{rule}</c>.</summary>
    public static IReadOnlyList<Alert> Alerts(string testKey, IReadOnlyList<InterpretedResult> interpreted, DateTimeOffset collectedAt,
        IReadOnlyList<PrescribedMedicine> medicines)
    {
        ArgumentNullException.ThrowIfNull(interpreted);
        ArgumentNullException.ThrowIfNull(medicines);
        return interpreted.Where(i => i.Analyte.AlertWhenUnexpected && i.Reading == ResultReading.UnexpectedPositive)
            .Select(i => new Alert(UnexpectedFentanyl, $"drugtest/{testKey}/{UnexpectedFentanyl.Id}",
                $"{i.Analyte.Name} positive in the urine specimen collected {collectedAt.ToString("O", CultureInfo.InvariantCulture)}, and " +
                "fentanyl is not on the medicine list. High overdose risk: review today - naloxone and overdose education, fentanyl test " +
                "strips, medication for opioid use disorder (buprenorphine, methadone, naltrexone)" +
                (i.Result.Method == DrugTestCatalogue.Immunoassay ? ", and confirmation by LC-MS/MS (the immunoassay is presumptive)." : "."),
                [
                    new AlertInput("Analyte", i.Analyte.Name),
                    new AlertInput("Method", i.Result.Method + (i.Result.Technique is { Length: > 0 } t ? $" ({t})" : "")),
                    new AlertInput("Result", "positive" + (i.Result.CutoffNgPerMl is { } c ? $" (cutoff {c.ToString("0.###", CultureInfo.InvariantCulture)} ng/mL)" : "")),
                    new AlertInput("Specimen collected", collectedAt.ToString("O", CultureInfo.InvariantCulture)),
                    new AlertInput("Medicine list", medicines.Count == 0 ? "no current medicines" : string.Join(", ", medicines.Select(m => m.Name))),
                ],
                "fentanyl positive (any method) with no fentanyl on the current medicine list"))
            .ToList();
    }
}
