using System.Globalization;

namespace Speciosa.Clinical.Safety;

/// <summary>Checks an adverse event as entered. The time now is passed in so the check is deterministic.</summary>
public static class AdverseEventValidation
{
    /// <summary>CTCAE v5 grades run 1 to 5, grade 5 being death related to the event. The reference tabulates
    /// CTCAE only for liver tests [KS-S19]; the general grade scale is CTCAE's own convention.</summary>
    public const int LowestGrade = 1;

    public const int HighestGrade = 5;

    public static AdverseEventValidationResult Validate(AdverseEventReport report, DateTimeOffset now) =>
        Validate(report, now, AdverseEventTermCatalogue.Default);

    public static AdverseEventValidationResult Validate(AdverseEventReport report, DateTimeOffset now, AdverseEventTermCatalogue terms)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(terms);
        var problems = new List<AdverseEventProblem>();

        if (string.IsNullOrWhiteSpace(report.Reference))
        {
            problems.Add(new("reference", "The event needs a reference."));
        }

        AdverseEventTerm? term = null;
        var termText = string.Empty;
        if (!string.IsNullOrWhiteSpace(report.TermId))
        {
            term = terms.Find(report.TermId.Trim());
            if (term is null)
            {
                problems.Add(new("termId", "Not a catalogued adverse-event term; choose one or describe the event as another term."));
            }
            else
            {
                termText = term.Name;
            }
        }
        else if (!string.IsNullOrWhiteSpace(report.OtherTerm))
        {
            termText = report.OtherTerm.Trim();
        }
        else
        {
            problems.Add(new("termId", "Choose a term or describe the event."));
        }

        if (report.Grade is < LowestGrade or > HighestGrade)
        {
            problems.Add(new("grade", string.Create(CultureInfo.InvariantCulture, $"The CTCAE grade must be {LowestGrade} to {HighestGrade}.")));
        }

        if (report.Onset > now)
        {
            problems.Add(new("onset", "The onset is in the future."));
        }

        if (report.ResolvedAt is { } resolved)
        {
            if (resolved < report.Onset)
            {
                problems.Add(new("resolvedAt", "The event resolves before its onset."));
            }

            if (resolved > now)
            {
                problems.Add(new("resolvedAt", "The resolution is in the future."));
            }
        }

        var outcome = Parse(AdverseEventCodes.Outcomes, report.Outcome, "outcome", problems);
        var relatedness = Parse(AdverseEventCodes.Relatedness, report.Relatedness, "relatedness", problems);

        var criteria = new List<SeriousnessCriterion>();
        for (var i = 0; i < report.SeriousnessCriteria.Count; i++)
        {
            if (Parse(AdverseEventCodes.SeriousnessCriteria, report.SeriousnessCriteria[i], $"seriousnessCriteria[{i}]", problems) is { } criterion
                && !criteria.Contains(criterion))
            {
                criteria.Add(criterion);
            }
        }

        // CTCAE grade 5 is death related to the event: grade, outcome and the death criterion must agree.
        var fatal = outcome == AdverseEventOutcome.Fatal;
        if (report.Grade == HighestGrade && outcome is { } o && !fatal)
        {
            problems.Add(new("outcome", $"Grade 5 means death related to the event; the outcome is {Code(AdverseEventCodes.Outcomes, o)}."));
        }

        if (fatal && report.Grade is >= LowestGrade and < HighestGrade)
        {
            problems.Add(new("grade", "A fatal outcome is grade 5."));
        }

        if (fatal && !criteria.Contains(SeriousnessCriterion.Death))
        {
            problems.Add(new("seriousnessCriteria", "A fatal outcome meets the 'death' seriousness criterion; add it."));
        }

        if (!fatal && outcome is not null && criteria.Contains(SeriousnessCriterion.Death))
        {
            problems.Add(new("seriousnessCriteria", "The 'death' criterion needs a fatal outcome."));
        }

        if (problems.Count > 0)
        {
            return new AdverseEventValidationResult(null, problems);
        }

        return new AdverseEventValidationResult(
            new AdverseEvent(report.Reference.Trim(), term, termText, report.Grade, report.Onset, report.ResolvedAt, outcome!.Value, relatedness!.Value, criteria),
            []);
    }

    private static T? Parse<T>(IReadOnlyDictionary<string, T> codes, string? value, string field, List<AdverseEventProblem> problems)
        where T : struct
    {
        if (value is not null && codes.TryGetValue(value, out var parsed))
        {
            return parsed;
        }

        problems.Add(new(field, "Not one of: " + string.Join(", ", codes.Keys) + "."));
        return null;
    }

    private static string Code<T>(IReadOnlyDictionary<string, T> codes, T value)
        where T : struct =>
        codes.First(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Key;
}
