using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Web.Jurisdictions;

/// <summary>Translates between the stored row, the core's <see cref="JurisdictionEntry"/> and the file shape.
/// Validation is the core's (<see cref="JurisdictionRegistryReader"/>); only column lengths are added here.</summary>
public static class JurisdictionMapping
{
    public static readonly JsonSerializerOptions Json = new(KnowledgeFile.JsonOptions)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The effective date as the file writes it (the core's ToString adds words for people).</summary>
    public static string EffectiveText(EffectiveDate date) => (date.FirstDay, date.Precision) switch
    {
        ({ } d, DatePrecision.Day) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ({ } d, DatePrecision.Month) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ({ } d, DatePrecision.Year) => d.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => EffectiveDate.UnconfirmedText,
    };

    public static JurisdictionEntryData ToData(JurisdictionEntry e) => new()
    {
        Id = e.Id,
        Country = e.Country,
        Subdivision = e.Subdivision,
        Locality = e.Locality,
        Status = e.Status.ToString(),
        StatusText = e.StatusText,
        Effective = EffectiveText(e.Effective),
        EndsOn = e.EndsOn is { } end ? Day(end) : null,
        MinimumAge = e.MinimumAge,
        SevenOhLimit = e.SevenOhLimit is { } l ? new SevenOhLimitDocument(Normal(l.Percent), l.Basis.ToString(), l.Inclusive) : null,
        Conditions = e.Conditions.Count == 0 ? null : e.Conditions.Select(c => c.ToString()).ToList(),
        ConditionsText = e.ConditionsText,
        Sources = e.Sources.Select(s => new SourceDocument(s.Id, s.Citation, s.Url)).ToList(),
        LastVerified = Day(e.LastVerified),
        Verified = e.Verified,
        ConsistentSecondarySources = e.ConsistentSecondarySources ? true : null,
        Note = e.Note,
    };

    /// <summary>Stable JSON of an entry: equal text means an equal entry (used for history and idempotent import).</summary>
    public static string Canonical(JurisdictionEntry e) => JsonSerializer.Serialize(ToData(e), Json);

    public static JurisdictionEntryData? FromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<JurisdictionEntryData>(json, Json);

    public static JurisdictionEntry ToEntry(JurisdictionRecord r)
    {
        EffectiveDate.TryParse(r.Effective, out var effective);
        var sources = JsonSerializer.Deserialize<List<SourceDocument>>(r.Sources, Json) ?? [];
        return new JurisdictionEntry
        {
            Id = r.Id,
            Country = r.Country,
            Subdivision = r.Subdivision,
            Locality = r.Locality,
            Status = r.Status,
            StatusText = r.StatusText,
            Effective = effective,
            EndsOn = r.EndsOn,
            MinimumAge = r.MinimumAge,
            SevenOhLimit = r.SevenOhPercent is { } percent
                ? new SevenOhLimit(Normal(percent), Enum.Parse<SevenOhBasis>(r.SevenOhBasis!), r.SevenOhInclusive ?? true)
                : null,
            Conditions = r.Conditions.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<SaleCondition>).ToList(),
            ConditionsText = r.ConditionsText,
            Sources = sources.Select(s => new Source(s.Id!, s.Citation!, s.Url)).ToList(),
            LastVerified = r.LastVerified,
            Verified = r.Verified,
            ConsistentSecondarySources = r.ConsistentSecondarySources,
            Note = r.Note,
        };
    }

    /// <summary>Writes every field of the entry onto the row (not the key, stamp or time).</summary>
    public static void Apply(JurisdictionEntry e, JurisdictionRecord r)
    {
        r.Country = e.Country;
        r.Subdivision = e.Subdivision;
        r.Locality = e.Locality;
        r.Status = e.Status;
        r.StatusText = e.StatusText;
        r.Effective = EffectiveText(e.Effective);
        r.EndsOn = e.EndsOn;
        r.MinimumAge = e.MinimumAge;
        r.SevenOhPercent = e.SevenOhLimit?.Percent;
        r.SevenOhBasis = e.SevenOhLimit?.Basis.ToString();
        r.SevenOhInclusive = e.SevenOhLimit?.Inclusive;
        r.Conditions = string.Join(',', e.Conditions.Select(c => c.ToString()));
        r.ConditionsText = e.ConditionsText;
        r.Sources = JsonSerializer.Serialize(e.Sources.Select(s => new SourceDocument(s.Id, s.Citation, s.Url)), Json);
        r.LastVerified = e.LastVerified;
        r.Verified = e.Verified;
        r.ConsistentSecondarySources = e.ConsistentSecondarySources;
        r.Note = e.Note;
    }

    public static JurisdictionRecord NewRecord(JurisdictionEntry e, DateTimeOffset now)
    {
        var r = new JurisdictionRecord
        {
            Id = e.Id,
            Country = e.Country,
            StatusText = e.StatusText,
            Effective = EffectiveText(e.Effective),
            Conditions = "",
            Sources = "[]",
            UpdatedAt = now,
            ConcurrencyStamp = NewStamp(),
        };
        Apply(e, r);
        return r;
    }

    public static string NewStamp() => Guid.NewGuid().ToString("N");

    /// <summary>The whole registry in the import format: one source list, entries referring to it by id.</summary>
    public static JurisdictionRegistryDocument ToDocument(IEnumerable<JurisdictionEntry> entries, DateOnly asOf)
    {
        var list = entries.ToList();
        var sources = list.SelectMany(e => e.Sources)
            .GroupBy(s => s.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new SourceDocument(s.Id, s.Citation, s.Url))
            .ToList();
        return new JurisdictionRegistryDocument
        {
            AsOf = Day(asOf),
            Sources = sources,
            Entries = list.Select(e => ToFileEntry(ToData(e))).ToList(),
        };
    }

    public static JurisdictionEntryDocument ToFileEntry(JurisdictionEntryData d) => new()
    {
        Id = d.Id,
        Country = d.Country,
        Subdivision = d.Subdivision,
        Locality = d.Locality,
        Status = d.Status,
        StatusText = d.StatusText,
        Effective = d.Effective,
        EndsOn = d.EndsOn,
        MinimumAge = d.MinimumAge,
        SevenOhLimit = d.SevenOhLimit,
        Conditions = d.Conditions,
        ConditionsText = d.ConditionsText,
        Sources = d.Sources?.Select(s => s.Id ?? "").ToList(),
        LastVerified = d.LastVerified,
        Verified = d.Verified,
        ConsistentSecondarySources = d.ConsistentSecondarySources,
        Note = d.Note,
    };

    /// <summary>Validates one entry with the core's reader (a one-entry file) and the column lengths.
    /// Error keys are the entry's own fields: "status", "sources[1].citation".</summary>
    public static (JurisdictionEntry? Entry, Dictionary<string, string[]> Errors) Validate(JurisdictionEntryData data, string prefix)
    {
        var reading = JurisdictionRegistryReader.Read(new JurisdictionRegistryDocument
        {
            Sources = data.Sources ?? [],
            Entries = [ToFileEntry(data)],
        });
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, messages) in reading.Errors)
        {
            var field = key.StartsWith("entries[0].", StringComparison.Ordinal) ? key["entries[0].".Length..] : key;
            Add(errors, prefix + field, messages);
        }

        var entry = reading.IsValid ? reading.Entries[0] : null;
        CheckLengths(data, prefix, errors);
        return (errors.Count == 0 ? entry : null, errors);
    }

    /// <summary>Lengths the columns hold; the core sets no length limits.</summary>
    public static void CheckLengths(JurisdictionEntryDocument d, string prefix, Dictionary<string, string[]> errors) =>
        CheckLengths(d.Id, d.Locality, d.StatusText, d.ConditionsText, d.Note, prefix, errors);

    private static void CheckLengths(JurisdictionEntryData d, string prefix, Dictionary<string, string[]> errors) =>
        CheckLengths(d.Id, d.Locality, d.StatusText, d.ConditionsText, d.Note, prefix, errors);

    private static void CheckLengths(string? id, string? locality, string? statusText, string? conditionsText, string? note,
        string prefix, Dictionary<string, string[]> errors)
    {
        Max(id?.Trim(), JurisdictionModel.IdLength, prefix + "id", errors);
        Max(locality?.Trim(), JurisdictionModel.LocalityLength, prefix + "locality", errors);
        Max(statusText?.Trim(), JurisdictionModel.StatusTextLength, prefix + "statusText", errors);
        Max(conditionsText, JurisdictionModel.LongTextLength, prefix + "conditionsText", errors);
        Max(note, JurisdictionModel.LongTextLength, prefix + "note", errors);
    }

    private static void Max(string? text, int max, string field, Dictionary<string, string[]> errors)
    {
        if (text is not null && text.Length > max)
        {
            Add(errors, field, [$"At most {max} characters."]);
        }
    }

    public static void Add(Dictionary<string, string[]> errors, string field, string[] messages) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;

    /// <summary>2.000 and 2 are the same limit; keep one spelling so equal entries compare equal.</summary>
    private static decimal Normal(decimal value) =>
        decimal.Parse(value.ToString("G29", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
