using Speciosa.Clinical.Withdrawal.Instruments;

namespace Speciosa.Clinical.Tests.Withdrawal;

/// <summary>Builds answer sets for tests: every item at its minimum, maximum, or a chosen total.</summary>
internal static class Answers
{
    public static Dictionary<int, int> AllMinimum(InstrumentDefinition d) => d.Items.ToDictionary(i => i.Number, i => i.MinScore);

    public static Dictionary<int, int> AllMaximum(InstrumentDefinition d) => d.Items.ToDictionary(i => i.Number, i => i.MaxScore);

    /// <summary>Allowed answers adding up to <paramref name="total"/>, filling items greedily from item 1.</summary>
    public static Dictionary<int, int> WithTotal(InstrumentDefinition d, int total)
    {
        var answers = AllMinimum(d);
        var remaining = total - answers.Values.Sum();
        foreach (var item in d.Items)
        {
            var best = item.AllowedScores().Where(s => s - item.MinScore <= remaining).Max();
            remaining -= best - item.MinScore;
            answers[item.Number] = best;
        }

        // Greedy filling could strand a remainder on a skipping scale; fail loudly rather than test a wrong total.
        if (remaining != 0)
        {
            throw new InvalidOperationException($"Could not build a {d.Id} total of {total}.");
        }

        return answers;
    }
}
