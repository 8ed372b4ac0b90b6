namespace Speciosa.Clinical.Jurisdictions;

/// <summary>Validation errors keyed by field path (e.g. "entries[3].subdivision"), the shape an RFC 9457
/// validation problem carries.</summary>
public sealed class FieldErrors
{
    private readonly SortedDictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public bool IsEmpty => byField.Count == 0;

    public void Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var messages))
        {
            messages = [];
            byField[field] = messages;
        }

        messages.Add(message);
    }

    public void AddAll(string prefix, FieldErrors other)
    {
        foreach (var (field, messages) in other.byField)
        {
            foreach (var message in messages)
            {
                Add(prefix + field, message);
            }
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        byField.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
}
