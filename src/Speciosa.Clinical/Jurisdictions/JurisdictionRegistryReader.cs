using System.Text.Json;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>Reads a registry file (seed or import) all-or-nothing: one wrong entry rejects the whole file,
/// with every error keyed by its field, e.g. "entries[3].subdivision".</summary>
public static class JurisdictionRegistryReader
{
    public static JurisdictionRegistryReading Parse(string json)
    {
        JurisdictionRegistryDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<JurisdictionRegistryDocument>(json, KnowledgeFile.JsonOptions);
        }
        catch (JsonException ex)
        {
            // Keyed by the field at fault (entries[0].conditions), like every other error of the file.
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
            return Rejected(field, "Not a readable registry file: this value is not of the expected kind (text, number, true/false, list or object).");
        }

        return document is null ? Rejected("$", "The file is empty.") : Read(document);
    }

    public static JurisdictionRegistryReading Read(JurisdictionRegistryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new FieldErrors();
        var sources = ReadSources(document.Sources ?? [], errors);

        if (document.Entries is not { Count: > 0 })
        {
            errors.Add("entries", "At least one entry is required.");
            return new([], errors.ToDictionary());
        }

        var entries = new List<JurisdictionEntry>();
        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstIndexByPlaceAndDate = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < document.Entries.Count; i++)
        {
            var prefix = $"entries[{i}].";
            if (document.Entries[i] is null)
            {
                errors.Add($"entries[{i}]", "An entry cannot be null; leave it out instead.");
                continue;
            }

            var entryErrors = JurisdictionEntryValidation.Validate(document.Entries[i], sources, out var entry);
            errors.AddAll(prefix, entryErrors);
            if (entry is null)
            {
                continue;
            }

            if (!firstIndexById.TryAdd(entry.Id, i))
            {
                errors.Add(prefix + "id", $"Duplicate id: also used by entries[{firstIndexById[entry.Id]}].");
            }

            // Two entries for one place starting on the same date leave the evaluator no way to choose.
            var placeAndDate = $"{entry.Country}|{entry.Subdivision}|{entry.Locality?.ToUpperInvariant()}|{entry.Effective}";
            if (!firstIndexByPlaceAndDate.TryAdd(placeAndDate, i))
            {
                errors.Add(prefix + "effective", $"Same place and effective date as entries[{firstIndexByPlaceAndDate[placeAndDate]}].");
            }

            entries.Add(entry);
        }

        return errors.IsEmpty ? new(entries, errors.ToDictionary()) : new([], errors.ToDictionary());
    }

    private static Dictionary<string, Source> ReadSources(IReadOnlyList<SourceDocument> documents, FieldErrors errors)
    {
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var source = documents[i];
            var prefix = $"sources[{i}].";
            if (source is null)
            {
                errors.Add($"sources[{i}]", "A source cannot be null; leave it out instead.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(source.Id))
            {
                errors.Add(prefix + "id", "Required.");
            }
            else if (sources.ContainsKey(source.Id))
            {
                errors.Add(prefix + "id", $"Duplicate source id '{source.Id}'.");
            }

            if (string.IsNullOrWhiteSpace(source.Citation))
            {
                errors.Add(prefix + "citation", "Required.");
            }

            if (source.Url is not null
                && !(Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                errors.Add(prefix + "url", "Must be an absolute http(s) address.");
            }

            if (!string.IsNullOrWhiteSpace(source.Id) && !string.IsNullOrWhiteSpace(source.Citation))
            {
                sources.TryAdd(source.Id, new Source(source.Id, source.Citation, source.Url));
            }
        }

        return sources;
    }

    private static JurisdictionRegistryReading Rejected(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return new([], errors.ToDictionary());
    }
}
