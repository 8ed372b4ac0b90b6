namespace Speciosa.Clinical.Medicines;

/// <summary>Says in words what a change to the medicine list did to the alerts, e.g. "Stopping sertraline removed 1
/// interaction: Kratom with serotonergic drugs." (issue 15 item 5: the interaction screen re-runs and shows what changed).</summary>
public static class MedicineChangeWording
{
    /// <param name="action">"Adding", "Stopping", "Marking … entered in error" is written as "Marking" with
    /// <paramref name="suffix"/> " entered in error".</param>
    public static string Describe(string action, string medicine, IReadOnlyList<string> removedInteractions, IReadOnlyList<string> otherCleared,
        IReadOnlyList<string> raised, string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(removedInteractions);
        ArgumentNullException.ThrowIfNull(otherCleared);
        ArgumentNullException.ThrowIfNull(raised);
        var subject = $"{action} {medicine.Trim()}{suffix}";
        var parts = new List<string>();
        if (removedInteractions.Count > 0)
        {
            parts.Add($"removed {Count(removedInteractions.Count, "interaction", "interactions")}: {string.Join("; ", removedInteractions)}");
        }

        if (otherCleared.Count > 0)
        {
            parts.Add($"cleared {Count(otherCleared.Count, "other alert", "other alerts")}: {string.Join("; ", otherCleared)}");
        }

        if (raised.Count > 0)
        {
            parts.Add($"raised {Count(raised.Count, "alert", "alerts")}: {string.Join("; ", raised)}");
        }

        return parts.Count switch
        {
            0 => $"{subject} changed no alert.",
            1 => $"{subject} {parts[0]}.",
            _ => $"{subject} {string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}.",
        };
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
