namespace Speciosa.Clinical.Withdrawal.Instruments;

/// <summary>The one place an instrument total and band are computed from item answers.</summary>
public static class InstrumentScorer
{
    /// <summary>Scores <paramref name="answers"/> (item number → score) against the definition: every item must be
    /// answered with an allowed score and no unknown item may appear; otherwise returns every problem found.</summary>
    public static ScoringOutcome Score(InstrumentDefinition definition, IReadOnlyDictionary<int, int> answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);

        var problems = new List<ItemProblem>();
        foreach (var (number, given) in answers.OrderBy(a => a.Key))
        {
            var item = definition.Item(number);
            if (item is null)
            {
                problems.Add(new ItemProblem(number, ItemProblemKind.UnknownItem, given, [],
                    $"Item {number} is not an item of {definition.Name}; it has items 1–{definition.Items.Count}."));
            }
            else if (!item.Allows(given))
            {
                problems.Add(new ItemProblem(number, ItemProblemKind.ScoreNotAllowed, given, item.AllowedScores(),
                    $"Item {number} ({item.Label}): {given} is not an allowed score; allowed: {item.AllowedScoresText()}."));
            }
        }

        foreach (var item in definition.Items.Where(i => !answers.ContainsKey(i.Number)))
        {
            problems.Add(new ItemProblem(item.Number, ItemProblemKind.MissingItem, null, item.AllowedScores(),
                $"Item {item.Number} ({item.Label}) has no answer; allowed: {item.AllowedScoresText()}."));
        }

        if (problems.Count > 0)
        {
            return ScoringOutcome.Rejected(problems.OrderBy(p => p.ItemNumber).ToList());
        }

        var total = answers.Values.Sum();
        var band = definition.BandFor(total);
        var bandLabel = band?.Label ?? (definition.Bands.Count > 0 ? definition.UnbandedLabel : null);
        var ordered = new SortedDictionary<int, int>(answers.ToDictionary(a => a.Key, a => a.Value));
        return ScoringOutcome.Scored(new InstrumentScore(definition.Id, definition.Version, ordered, total, band, bandLabel));
    }
}
