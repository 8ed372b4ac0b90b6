namespace Speciosa.Clinical.Withdrawal.Instruments;

/// <summary>Refuses a definition whose parts disagree (total range not the sum of item ranges, overlapping
/// bands, a pulse cut-off giving a score the item does not allow), so bad knowledge data fails at load.</summary>
internal static class InstrumentDefinitionCheck
{
    public static void ThrowIfInconsistent(InstrumentDefinition d)
    {
        var problems = Problems(d).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Instrument definition '{d.Id}' v{d.Version} is inconsistent: {string.Join("; ", problems)}");
        }
    }

    private static IEnumerable<string> Problems(InstrumentDefinition d)
    {
        if (d.Items.Count == 0)
        {
            yield return "it has no items";
            yield break;
        }

        var numbers = d.Items.Select(i => i.Number).ToList();
        if (!numbers.SequenceEqual(Enumerable.Range(1, d.Items.Count)))
        {
            yield return "items are not numbered 1..n in order";
        }

        foreach (var item in d.Items)
        {
            var hasOptions = item.Options.Count > 0;
            if (hasOptions == (item.WholeNumberRange is not null))
            {
                yield return $"item {item.Number} must have either options or a whole-number range";
                continue;
            }

            if (item.Options.Select(o => o.Score).Distinct().Count() != item.Options.Count)
            {
                yield return $"item {item.Number} repeats a score";
            }

            var cutoffs = item.Measurement?.Cutoffs ?? [];
            var bounded = cutoffs.Take(cutoffs.Count - 1).Select(c => c.UpTo).ToList();
            if (cutoffs.Count > 0 && (cutoffs[^1].UpTo is not null || bounded.Any(u => u is null)
                || !bounded.SequenceEqual(bounded.Order())))
            {
                yield return $"item {item.Number} measurement cut-offs must ascend and end open";
            }

            foreach (var cutoff in cutoffs)
            {
                if (!item.Allows(cutoff.Score))
                {
                    yield return $"item {item.Number} measurement gives score {cutoff.Score}, which the item does not allow";
                }
            }
        }

        if (d.Items.All(i => i.Options.Count > 0 || i.WholeNumberRange is not null))
        {
            var min = d.Items.Sum(i => i.MinScore);
            var max = d.Items.Sum(i => i.MaxScore);
            if (d.TotalRange.Min != min || d.TotalRange.Max != max)
            {
                yield return $"total range {d.TotalRange} is not the sum of item ranges {min}–{max}";
            }
        }

        for (var i = 0; i < d.Bands.Count; i++)
        {
            var band = d.Bands[i];
            if (band.Min > band.Max || !d.TotalRange.Contains(band.Min) || !d.TotalRange.Contains(band.Max))
            {
                yield return $"band '{band.Label}' lies outside the total range";
            }

            if (i > 0 && band.Min != d.Bands[i - 1].Max + 1)
            {
                yield return $"band '{band.Label}' does not follow on from '{d.Bands[i - 1].Label}'";
            }
        }
    }
}
