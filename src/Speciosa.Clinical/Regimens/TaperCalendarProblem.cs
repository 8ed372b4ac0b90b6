namespace Speciosa.Clinical.Regimens;

/// <summary>Something wrong with an edited taper calendar, keyed to the entry (index) and field for the web form.</summary>
public sealed record TaperCalendarProblem(int? EntryIndex, string Field, string Message);
