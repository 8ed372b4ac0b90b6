namespace Speciosa.Clinical.Regimens;

/// <summary>Checks a taper calendar, typically after the clinician edited it: at least one entry, start dates
/// strictly ascending, grams not negative, no week above the one before unless the clinician allowed increases
/// (<see cref="TaperCalendar.IncreasesAllowed"/>), and a last entry of zero (a taper-off ends by stopping).</summary>
public static class TaperCalendarValidation
{
    public static IReadOnlyList<TaperCalendarProblem> Validate(TaperCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var entries = calendar.Entries;
        var problems = new List<TaperCalendarProblem>();
        if (entries.Count == 0)
        {
            problems.Add(new(null, "entries", "A taper calendar needs at least one entry."));
            return problems;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.GramsPerDay < 0m)
            {
                problems.Add(new(i, "gramsPerDay", $"Week starting {DosingText.Day(entry.StartsOn)}: grams per day cannot be negative."));
            }

            if (i == 0)
            {
                continue;
            }

            var before = entries[i - 1];
            if (entry.StartsOn <= before.StartsOn)
            {
                problems.Add(new(i, "startsOn", $"{DosingText.Day(entry.StartsOn)} is not after the previous entry ({DosingText.Day(before.StartsOn)})."));
            }

            if (!calendar.IncreasesAllowed && entry.GramsPerDay > before.GramsPerDay)
            {
                problems.Add(new(i, "gramsPerDay", $"Week starting {DosingText.Day(entry.StartsOn)}: {DosingText.Grams(entry.GramsPerDay)} a day is above the previous {DosingText.Grams(before.GramsPerDay)}; allow increases to keep it."));
            }
        }

        if (entries[^1].GramsPerDay != 0m)
        {
            problems.Add(new(entries.Count - 1, "gramsPerDay", "A taper-off calendar ends with an entry of 0 g a day."));
        }

        return problems;
    }
}
