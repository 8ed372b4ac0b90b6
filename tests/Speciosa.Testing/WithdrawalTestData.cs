namespace Speciosa.Testing;

/// <summary>Withdrawal assessments for tests.</summary>
public static class WithdrawalTestData
{
    /// <summary>COWS items 1..11 with scores summing to 38 (severe): 4+4+5+5+4+4+5+4+2+1+0.</summary>
    public static IReadOnlyDictionary<int, int> SevereCows { get; } = new Dictionary<int, int>
    {
        [1] = 4, [2] = 4, [3] = 5, [4] = 5, [5] = 4, [6] = 4, [7] = 5, [8] = 4, [9] = 2, [10] = 1, [11] = 0,
    };

    /// <summary>COWS items 1..11 with scores summing to 14 (moderate): 1+1+1+2+0+1+2+1+1+1+3.</summary>
    public static IReadOnlyDictionary<int, int> ModerateCows { get; } = new Dictionary<int, int>
    {
        [1] = 1, [2] = 1, [3] = 1, [4] = 2, [5] = 0, [6] = 1, [7] = 2, [8] = 1, [9] = 1, [10] = 1, [11] = 3,
    };

    /// <summary>An assessment-API body for COWS with these answers, taken at <paramref name="at"/>.</summary>
    public static object Cows(IReadOnlyDictionary<int, int> answers, DateTimeOffset at, int? pulseBpm = null) =>
        new { instrumentId = "cows", answers, pulseBpm, assessedAt = at };
}
