using System.Diagnostics.CodeAnalysis;

namespace Speciosa.Clinical.Withdrawal.Instruments;

/// <summary>Either a <see cref="InstrumentScore"/> or the list of item problems that prevented scoring.</summary>
public sealed class ScoringOutcome
{
    private ScoringOutcome(InstrumentScore? score, IReadOnlyList<ItemProblem> problems)
    {
        Score = score;
        Problems = problems;
    }

    /// <summary>The score when every answer was valid; null otherwise.</summary>
    public InstrumentScore? Score { get; }

    /// <summary>Every problem found, ordered by item number; empty when scored.</summary>
    public IReadOnlyList<ItemProblem> Problems { get; }

    /// <summary>True when the answers were valid and <see cref="Score"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Score))]
    public bool IsScored => Score is not null;

    internal static ScoringOutcome Scored(InstrumentScore score) => new(score, []);

    internal static ScoringOutcome Rejected(IReadOnlyList<ItemProblem> problems) => new(null, problems);
}
