using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Withdrawal.Instruments;

/// <summary>All instrument definitions embedded under <c>withdrawal/instruments/</c>, checked for internal
/// consistency when loaded; look one up by id or list them all.</summary>
public sealed class InstrumentCatalog
{
    private const string Folder = "withdrawal/instruments/";
    private static readonly Lazy<InstrumentCatalog> Embedded = new(Load);
    private readonly Dictionary<string, InstrumentDefinition> byId;

    /// <summary>Builds a catalogue from definitions (tests, or data from elsewhere); each is checked.</summary>
    public InstrumentCatalog(IEnumerable<InstrumentDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        byId = new Dictionary<string, InstrumentDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            InstrumentDefinitionCheck.ThrowIfInconsistent(definition);
            if (!byId.TryAdd(definition.Id, definition))
            {
                throw new InvalidOperationException($"Instrument '{definition.Id}' is defined twice.");
            }
        }
    }

    /// <summary>The catalogue of the embedded knowledge files, loaded once.</summary>
    public static InstrumentCatalog Default => Embedded.Value;

    /// <summary>Well-known instrument ids.</summary>
    public const string CowsId = "cows";
    public const string SowsHandelsmanId = "sows-handelsman";
    public const string SowsGossopId = "sows-gossop";
    public const string CravingVasId = "craving-vas";

    /// <summary>Every definition, ordered by id.</summary>
    public IReadOnlyList<InstrumentDefinition> All => byId.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    /// <summary>The definition with this id, or null when the instrument is unknown.</summary>
    public InstrumentDefinition? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The definition with this id; throws for an unknown id (use <see cref="Find"/> for user input).</summary>
    public InstrumentDefinition Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"Unknown instrument '{id}'.");

    /// <summary>Reads every embedded instrument definition.</summary>
    public static InstrumentCatalog Load() =>
        new(KnowledgeFile.Names()
            .Where(n => n.StartsWith(Folder, StringComparison.Ordinal))
            .Select(KnowledgeFile.Read<InstrumentDefinition>));
}
