using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Portal;

/// <summary>The portal consent (issue 14 item 1), read from <c>knowledge/portal/consent.json</c>: what is recorded, who sees
/// it, the risks of kratom in plain words, and the proven treatments. Versioned: a patient whose accepted version is older
/// than <see cref="Version"/> is asked again (<see cref="IsCurrent"/>).</summary>
public sealed record ConsentText(int Version, string AsOf, string Title, IReadOnlyList<ConsentSection> Sections, IReadOnlyList<Source> Sources)
{
    public static ConsentText Current { get; } = Load();

    /// <summary>Whether an accepted version (null: none) covers the current text.</summary>
    public bool IsCurrent(int? acceptedVersion) => acceptedVersion is { } v && v >= Version;

    private static ConsentText Load()
    {
        var file = KnowledgeFile.Read<ConsentFile>("portal/consent.json");
        if (file.Version < 1 || file.Sections.Count == 0 || file.Sections.Any(s => s.Paragraphs.Count == 0))
        {
            throw new InvalidDataException("portal/consent.json: a version from 1 and sections each with text are required.");
        }

        return new ConsentText(file.Version, file.AsOf, file.Title,
            file.Sections.Select(s => new ConsentSection(s.Heading, s.Paragraphs)).ToList(),
            file.Sources.Select(s => new Source(s.Id, s.Citation, s.Url, s.Unconfirmed)).ToList());
    }

    private sealed record SourceEntry(string Id, string Citation, string? Url = null, bool Unconfirmed = false);

    private sealed record SectionEntry(string Heading, IReadOnlyList<string> Paragraphs);

    private sealed record ConsentFile(int Version, string AsOf, string Title, IReadOnlyList<SectionEntry> Sections, IReadOnlyList<SourceEntry> Sources);
}

public sealed record ConsentSection(string Heading, IReadOnlyList<string> Paragraphs);
