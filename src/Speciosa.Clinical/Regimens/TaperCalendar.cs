namespace Speciosa.Clinical.Regimens;

/// <summary>A taper-off calendar: entries in date order, the last at zero. Editable data: the clinician may change
/// the entries (check them with <see cref="TaperCalendarValidation"/>) before it becomes part of a regimen.
/// <see cref="GeneratedFrom"/> keeps the settings it was generated from, null when written by hand.</summary>
public sealed record TaperCalendar(IReadOnlyList<TaperEntry> Entries)
{
    public TaperSettings? GeneratedFrom { get; init; }

    /// <summary>Whether the clinician allowed a week higher than the one before (e.g. a taper pause stepping back up).</summary>
    public bool IncreasesAllowed { get; init; }

    public DateOnly? FirstDay => Entries.Count == 0 ? null : Entries[0].StartsOn;

    /// <summary>The entry in effect on a day: the last one starting on or before it; null before the taper starts.</summary>
    public TaperEntry? EntryOn(DateOnly day) => Entries.LastOrDefault(e => e.StartsOn <= day);
}
