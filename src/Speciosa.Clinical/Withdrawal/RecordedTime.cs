namespace Speciosa.Clinical.Withdrawal;

/// <summary>Checks a clinically recorded time (last use, assessment time) against the current time passed in.</summary>
public static class RecordedTime
{
    /// <summary>A message naming <paramref name="field"/> when <paramref name="value"/> lies after <paramref name="now"/>; otherwise null.</summary>
    public static string? ProblemIfInFuture(string field, DateTimeOffset value, DateTimeOffset now) =>
        value > now ? $"{field} ({value:u}) is in the future; it must be at or before {now:u}." : null;
}
