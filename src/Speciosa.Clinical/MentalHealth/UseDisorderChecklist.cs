using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.MentalHealth;

/// <summary>One DSM-5 use-disorder criterion, paraphrased (the DSM-5 text is copyrighted). Tolerance and withdrawal are
/// <see cref="Pharmacological"/>: not counted under appropriate medical supervision.</summary>
public sealed record UseDisorderCriterion
{
    public required int Number { get; init; }
    public required string Text { get; init; }
    public bool Pharmacological { get; init; }
}

public sealed record UseDisorderSubstance(string Id, string Name);

public sealed record SeverityStep(string Label, int Min, int Max);

public sealed record SupervisionBasis(bool Unconfirmed, string Basis);

public sealed record SupervisionRule
{
    public required string Text { get; init; }
    public required SupervisionBasis Opioid { get; init; }
    public required SupervisionBasis Kratom { get; init; }

    public SupervisionBasis For(string substance) => substance == "opioid" ? Opioid : Kratom;
}

/// <summary>The criteria file (<c>mental-health/use-disorder-criteria.json</c>).</summary>
public sealed record UseDisorderCriteria
{
    public required int Version { get; init; }
    public required string AsOf { get; init; }
    public required Source Source { get; init; }
    public required string ParaphraseNote { get; init; }
    public required string Period { get; init; }
    public IReadOnlyList<UseDisorderSubstance> Substances { get; init; } = [];
    public IReadOnlyList<UseDisorderCriterion> Criteria { get; init; } = [];
    public IReadOnlyList<SeverityStep> Severity { get; init; } = [];
    public required SupervisionRule SupervisionRule { get; init; }

    private static readonly Lazy<UseDisorderCriteria> Embedded = new(() => KnowledgeFile.Read<UseDisorderCriteria>("mental-health/use-disorder-criteria.json"));

    public static UseDisorderCriteria Default => Embedded.Value;

    public UseDisorderSubstance? Substance(string? id) => Substances.FirstOrDefault(s => s.Id == id);
}

/// <summary>A judged checklist: which criteria counted, which were set aside for medical supervision, and the severity
/// (null below 2: the criteria for a use disorder are not met).</summary>
public sealed record UseDisorderResult(
    string Substance, IReadOnlyList<int> Met, IReadOnlyList<int> Counted, IReadOnlyList<int> NotCountedUnderSupervision,
    string? Severity, string Wording, int CriteriaVersion);

/// <summary>DSM-5 severity from the criteria met: 2–3 mild, 4–5 moderate, 6 or more severe; tolerance and withdrawal not
/// counted when the substance is taken only under appropriate medical supervision (DSM-5; see the criteria file).</summary>
public static class UseDisorderChecklist
{
    /// <summary>Field-keyed problems: an unknown substance (<c>substance</c>), a criterion outside 1–11 (<c>criteriaMet</c>).</summary>
    public static Dictionary<string, string[]> Problems(string? substance, IReadOnlyCollection<int>? met, UseDisorderCriteria? criteria = null)
    {
        criteria ??= UseDisorderCriteria.Default;
        var errors = new Dictionary<string, string[]>();
        if (criteria.Substance(substance) is null)
        {
            errors["substance"] = [$"Allowed: {string.Join(", ", criteria.Substances.Select(s => s.Id))}."];
        }

        var numbers = criteria.Criteria.Select(c => c.Number).ToHashSet();
        if (met is null)
        {
            errors["criteriaMet"] = ["The list of criteria met (numbers 1–11; an empty list when none is met)."];
        }
        else if (met.Where(n => !numbers.Contains(n)).ToList() is [var bad, ..])
        {
            errors["criteriaMet"] = [$"Criterion {bad} does not exist; criteria are numbered {numbers.Min()}–{numbers.Max()}."];
        }
        else if (met.Distinct().Count() != met.Count)
        {
            errors["criteriaMet"] = ["Each criterion at most once."];
        }

        return errors;
    }

    public static UseDisorderResult Evaluate(string substance, IReadOnlyCollection<int> met, bool underMedicalSupervision,
        UseDisorderCriteria? criteria = null)
    {
        criteria ??= UseDisorderCriteria.Default;
        if (Problems(substance, met, criteria).Count > 0)
        {
            throw new ArgumentException("Check the checklist with Problems first.", nameof(met));
        }

        var pharmacological = criteria.Criteria.Where(c => c.Pharmacological).Select(c => c.Number).ToHashSet();
        var ordered = met.Order().ToList();
        var setAside = underMedicalSupervision ? ordered.Where(pharmacological.Contains).ToList() : [];
        var counted = ordered.Except(setAside).ToList();
        var step = criteria.Severity.FirstOrDefault(s => counted.Count >= s.Min && counted.Count <= s.Max);
        var name = criteria.Substance(substance)!.Name;
        var wording = step is null
            ? $"{counted.Count} of 11 criteria counted: fewer than 2, so the criteria for {name.ToLowerInvariant()} are not met."
            : $"{name}, {step.Label}: {counted.Count} of 11 criteria counted ({step.Min}–{step.Max} is {step.Label}).";
        if (setAside.Count > 0)
        {
            wording += $" Not counted under medical supervision: {string.Join(", ", setAside.Select(n => n == 10 ? "tolerance (10)" : "withdrawal (11)"))}.";
        }

        return new UseDisorderResult(substance, ordered, counted, setAside, step?.Label, wording, criteria.Version);
    }
}
