using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Treatment;

/// <summary>One medication for opioid use disorder: id, name, what it is in plain words, and its sources.</summary>
public sealed record MoudOption(string Id, string Name, string Plain, IReadOnlyList<string> Sources);

/// <summary>The medications for opioid use disorder a clinic offers and discusses (<c>knowledge/treatment/moud.json</c>).</summary>
public sealed record MoudOptions(string AsOf, IReadOnlyList<MoudOption> Options, string FirstLine, IReadOnlyList<string> FirstLineSources)
{
    public static MoudOptions Default { get; } = KnowledgeFile.Read<MoudOptions>("treatment/moud.json");

    public bool IsKnown(string id) => Options.Any(o => o.Id == id);

    public MoudOption Get(string id) => Options.First(o => o.Id == id);
}

/// <summary>Overdose education for patients in plain words (<c>knowledge/treatment/overdose-education.json</c>).</summary>
public sealed record OverdoseEducation(string AsOf, IReadOnlyList<string> Sources, IReadOnlyList<string> Lines, string ToleranceWarning, string TreatmentLine)
{
    public static OverdoseEducation Default { get; } = KnowledgeFile.Read<OverdoseEducation>("treatment/overdose-education.json");
}
