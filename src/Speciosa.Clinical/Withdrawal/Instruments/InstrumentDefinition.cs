using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Withdrawal.Instruments;

/// <summary>A versioned instrument definition read from <c>src/knowledge/withdrawal/instruments/</c>: items with
/// their allowed scores, total range, severity bands (empty where none are validated) and sources.</summary>
public sealed record InstrumentDefinition
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Name { get; init; }

    /// <summary>Who answers: "clinician" (COWS) or "patient" (SOWS, craving).</summary>
    public required string Respondent { get; init; }

    /// <summary>Date the definition was last checked against its sources.</summary>
    public required string AsOf { get; init; }

    public required Source Source { get; init; }
    public string Instructions { get; init; } = "";
    public required ScoreRange TotalRange { get; init; }
    public IReadOnlyList<InstrumentItem> Items { get; init; } = [];

    /// <summary>Published severity bands; empty for instruments without validated bands (SOWS, Gossop, VAS).</summary>
    public IReadOnlyList<SeverityBand> Bands { get; init; } = [];

    /// <summary>Source of the bands, when there are any.</summary>
    public Source? BandSource { get; init; }

    /// <summary>Shown for a total below every band, e.g. COWS &lt;5 "none or minimal (no official label)".</summary>
    public string? UnbandedLabel { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The item with this number, or null.</summary>
    public InstrumentItem? Item(int number) => Items.FirstOrDefault(i => i.Number == number);

    /// <summary>The band holding <paramref name="total"/>, or null (below the first band, or no bands).</summary>
    public SeverityBand? BandFor(int total) => Bands.FirstOrDefault(b => b.Contains(total));
}
