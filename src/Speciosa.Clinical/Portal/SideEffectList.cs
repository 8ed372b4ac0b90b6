using Speciosa.Clinical.Knowledge;
using Speciosa.Clinical.Safety;

namespace Speciosa.Clinical.Portal;

/// <summary>One side effect a patient can pick, in plain words, with the adverse-event term its staff draft is filed under
/// (null: a described term, <see cref="TermText"/> or the patient's own words).</summary>
public sealed record SideEffectChoice(string Id, string Label, string? TermId, string? TermText = null)
{
    /// <summary>The catalogued term, when there is one.</summary>
    public AdverseEventTerm? Term => TermId is null ? null : AdverseEventTermCatalogue.Default.Get(TermId);
}

/// <summary>How bad it is, in the patient's words, and the draft CTCAE grade staff confirm.</summary>
public sealed record SideEffectSeverity(string Id, string Label, int Grade);

/// <summary>A checked side-effect report: what the staff adverse-event draft holds. <see cref="LiverSymptom"/> is the Safety
/// catalogue's definition (LOCAL-LIVER-SYMPTOMS), never a second list.</summary>
public sealed record SideEffectReport(SideEffectChoice Choice, SideEffectSeverity Severity, AdverseEventTerm? Term, string TermText, DateOnly Started,
    string? Notes)
{
    public bool LiverSymptom => AdverseEventAssessment.IsLiverSymptom(Term, TermText);
}

/// <summary>The patient's side-effect list (<c>knowledge/portal/side-effects.json</c>) and the check of one report. Errors are
/// keyed by field and in plain words.</summary>
public sealed class SideEffectList
{
    public const int MaxNotes = 1000;
    public const int MaxOtherText = 150;

    /// <summary>How far back a patient may date the start (older ones are for staff to record).</summary>
    public const int MaxDaysBack = 90;

    private SideEffectList(int version, string asOf, IReadOnlyList<SideEffectChoice> choices, IReadOnlyList<SideEffectSeverity> severities)
    {
        Version = version;
        AsOf = asOf;
        Choices = choices;
        Severities = severities;
    }

    public static SideEffectList Default { get; } = Load();

    public int Version { get; }
    public string AsOf { get; }
    public IReadOnlyList<SideEffectChoice> Choices { get; }
    public IReadOnlyList<SideEffectSeverity> Severities { get; }

    public SideEffectChoice? Find(string? id) => Choices.FirstOrDefault(c => c.Id == id);

    public (SideEffectReport? Report, Dictionary<string, string[]> Errors) Check(
        string? sideEffect, string? severity, string? otherText, DateOnly? started, string? notes, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var choice = Find(sideEffect);
        if (choice is null)
        {
            errors["sideEffect"] = ["Choose what you noticed from the list."];
        }

        var level = Severities.FirstOrDefault(s => s.Id == severity);
        if (level is null)
        {
            errors["severity"] = ["Choose how bad it is: mild, moderate or severe."];
        }

        var other = string.IsNullOrWhiteSpace(otherText) ? null : otherText.Trim();
        if (choice is { TermId: null, TermText: null } && other is null)
        {
            errors["otherText"] = ["Tell us in a few words what you noticed."];
        }
        else if (other is { Length: > MaxOtherText })
        {
            errors["otherText"] = [$"Use at most {MaxOtherText} characters."];
        }

        if (started is not { } day)
        {
            errors["started"] = ["Give the day it started."];
        }
        else if (day > today)
        {
            errors["started"] = ["The day it started cannot be after today."];
        }
        else if (day < today.AddDays(-MaxDaysBack))
        {
            errors["started"] = [$"Give a day in the last {MaxDaysBack} days, or tell your care team at your next visit."];
        }

        var text = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (text is { Length: > MaxNotes })
        {
            errors["notes"] = [$"Use at most {MaxNotes} characters."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var term = choice!.Term;
        var termText = term?.Name ?? (choice.TermText is { } named ? (other is null ? named : $"{named}: {other}") : other!);
        return (new SideEffectReport(choice, level!, term, termText, started!.Value, text), errors);
    }

    private static SideEffectList Load()
    {
        var file = KnowledgeFile.Read<ListFile>("portal/side-effects.json");
        return new SideEffectList(file.Version, file.AsOf, file.SideEffects, file.Severities);
    }

    private sealed record ListFile(int Version, string AsOf, IReadOnlyList<SideEffectSeverity> Severities, IReadOnlyList<SideEffectChoice> SideEffects);
}
