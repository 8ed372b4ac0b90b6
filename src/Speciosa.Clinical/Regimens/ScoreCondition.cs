namespace Speciosa.Clinical.Regimens;

/// <summary>A clinician's condition on a withdrawal score total, e.g. COWS &lt; 13.</summary>
public sealed record ScoreCondition(WithdrawalScale Scale, ScoreComparison Comparison, int Threshold)
{
    public bool IsMetBy(int total) => Comparison switch
    {
        ScoreComparison.LessThan => total < Threshold,
        ScoreComparison.LessThanOrEqual => total <= Threshold,
        ScoreComparison.GreaterThanOrEqual => total >= Threshold,
        ScoreComparison.GreaterThan => total > Threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(Comparison), Comparison, "Unknown comparison."),
    };

    public override string ToString()
    {
        var op = Comparison switch
        {
            ScoreComparison.LessThan => "<",
            ScoreComparison.LessThanOrEqual => "≤",
            ScoreComparison.GreaterThanOrEqual => "≥",
            _ => ">",
        };
        return $"{Scale.ToString().ToUpperInvariant()} {op} {Threshold}";
    }
}
