using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Regimens;

/// <summary>The "If you feel unwell" lines of the patient's take-home taper calendar, read from
/// <c>knowledge/dosing/taper-handout.json</c>: each line names the sources it rests on (the clinical audit asked that no
/// patient wording come from the code unsourced). The patient reads the plain words; the sources stay in the knowledge.</summary>
public sealed record TaperHandout(string AsOf, string Heading, IReadOnlyList<TaperHandoutLine> Lines, IReadOnlyList<Source> Sources)
{
    public static TaperHandout Default { get; } = Load();

    private static TaperHandout Load()
    {
        var file = KnowledgeFile.Read<HandoutFile>("dosing/taper-handout.json");
        return new TaperHandout(file.AsOf, file.Heading, file.Lines.Select(l => new TaperHandoutLine(l.Text, l.Sources)).ToList(),
            file.Sources.Select(s => new Source(s.Id, s.Citation, s.Url, s.Unconfirmed)).ToList());
    }

    private sealed record SourceEntry(string Id, string Citation, string? Url = null, bool Unconfirmed = false);

    private sealed record LineEntry(string Text, IReadOnlyList<string> Sources);

    private sealed record HandoutFile(string AsOf, string Heading, IReadOnlyList<LineEntry> Lines, IReadOnlyList<SourceEntry> Sources);
}

/// <summary>One plain-words line and the ids of its sources (each listed in <see cref="TaperHandout.Sources"/>).</summary>
public sealed record TaperHandoutLine(string Text, IReadOnlyList<string> Sources);
