namespace Speciosa.Clinical.Withdrawal.Instruments;

/// <summary>One allowed answer of an item: the score it adds to the total and what it means.
/// <see cref="Unconfirmed"/> marks a descriptor only one source gives.</summary>
public sealed record ItemOption
{
    public required int Score { get; init; }
    public required string Descriptor { get; init; }
    public bool Unconfirmed { get; init; }
}
