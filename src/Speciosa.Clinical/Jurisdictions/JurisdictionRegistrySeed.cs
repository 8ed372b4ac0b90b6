using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>The registry shipped with Speciosa, read from <c>knowledge/jurisdictions/*.json</c> (restated from
/// the project reference, kratom-safety.md section 5). Entries the reference marks UNCONFIRMED or
/// secondary-only are seeded unverified.</summary>
public static class JurisdictionRegistrySeed
{
    private const string Folder = "jurisdictions/";

    private static readonly Lazy<IReadOnlyList<JurisdictionEntry>> Entries = new(ReadAll);

    public static IReadOnlyList<JurisdictionEntry> Load() => Entries.Value;

    private static IReadOnlyList<JurisdictionEntry> ReadAll()
    {
        var all = new List<JurisdictionEntry>();
        foreach (var name in KnowledgeFile.Names().Where(n => n.StartsWith(Folder, StringComparison.Ordinal)))
        {
            var reading = JurisdictionRegistryReader.Parse(KnowledgeFile.ReadText(name));
            if (!reading.IsValid)
            {
                var first = reading.Errors.First();
                throw new InvalidOperationException($"Knowledge file '{name}' is invalid: {first.Key}: {string.Join(" ", first.Value)}");
            }

            all.AddRange(reading.Entries);
        }

        var duplicate = all.GroupBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? all
            : throw new InvalidOperationException($"Jurisdiction entry id '{duplicate.Key}' appears in more than one knowledge file.");
    }
}
