namespace Speciosa.Clinical.Regimens;

public enum ScoreComparison
{
    LessThan = 0,
    LessThanOrEqual = 1,
    GreaterThanOrEqual = 2,
    GreaterThan = 3,
}
