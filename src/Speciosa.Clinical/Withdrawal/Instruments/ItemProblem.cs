namespace Speciosa.Clinical.Withdrawal.Instruments;

/// <summary>What is wrong with one item of a submitted assessment.</summary>
public enum ItemProblemKind
{
    /// <summary>The answer names an item number the instrument does not have.</summary>
    UnknownItem,

    /// <summary>The instrument's item has no answer.</summary>
    MissingItem,

    /// <summary>The answer is a score the item does not allow (e.g. COWS pulse 3).</summary>
    ScoreNotAllowed,
}

/// <summary>One item's validation problem, naming the item, the value given and the allowed scores,
/// with a sentence fit to show the user (e.g. "Item 1 (Resting Pulse Rate): 3 is not allowed; allowed: 0, 1, 2, 4").</summary>
public sealed record ItemProblem(
    int ItemNumber,
    ItemProblemKind Kind,
    int? Given,
    IReadOnlyList<int> AllowedScores,
    string Message);
