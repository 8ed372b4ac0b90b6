using System.Globalization;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Research;

/// <summary>Small-cell suppression of cohort counts (knowledge/research/cell-suppression.json; CMS cell size suppression
/// policy, marked unconfirmed): a count from 1 to <see cref="MinimumShown"/> − 1 is shown as "&lt;11", 0 and counts from
/// <see cref="MinimumShown"/> are shown as they are. Within a group whose total is shown, one hidden count could be worked
/// out from the total and the others, so the smallest other non-zero count is hidden with it (complementary suppression).</summary>
public sealed record CellSuppression(int MinimumShown, string AsOf, bool Unconfirmed, Source Source)
{
    public static CellSuppression Default { get; } = Load();

    public string Hidden => "<" + MinimumShown.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rule in words, with its source, for the Researcher's page and the API.</summary>
    public string Rule => $"Counts from 1 to {(MinimumShown - 1).ToString(CultureInfo.InvariantCulture)} are shown as \"{Hidden}\"; where one such count " +
        "could be worked out from a total, the next smallest count of its group is hidden too. Source: " + Source.Citation +
        (Unconfirmed ? " (unconfirmed: the policy text is not in the project's reference)" : "");

    /// <summary>One count on its own.</summary>
    public string Show(int count) => count >= 1 && count < MinimumShown ? Hidden : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The counts of a group that adds up to a total shown elsewhere: each as <see cref="Show"/>, and when exactly
    /// one is hidden, the smallest other non-zero count too (ties: the first).</summary>
    public IReadOnlyList<string> ShowGroup(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var shown = counts.Select(Show).ToArray();
        var hidden = shown.Count(s => s == Hidden);
        if (hidden == 1)
        {
            var next = counts.Select((c, i) => (c, i)).Where(x => x.c > 0 && shown[x.i] != Hidden).OrderBy(x => x.c).ThenBy(x => x.i).FirstOrDefault();
            if (next.c > 0)
            {
                shown[next.i] = Hidden;
            }
        }

        return shown;
    }

    private static CellSuppression Load()
    {
        var file = KnowledgeFile.Read<SuppressionFile>("research/cell-suppression.json");
        return new CellSuppression(file.MinimumShown, file.AsOf, file.Unconfirmed,
            new Source(file.Source.Id, file.Source.Citation, file.Source.Url, file.Source.Unconfirmed));
    }

    private sealed record SourceEntry(string Id, string Citation, string? Url = null, bool Unconfirmed = false);

    private sealed record SuppressionFile(string AsOf, int MinimumShown, bool Unconfirmed, SourceEntry Source);
}
