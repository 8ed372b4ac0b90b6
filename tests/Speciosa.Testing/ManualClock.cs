namespace Speciosa.Testing;

/// <summary>A clock the test moves by hand (for idle timeouts, expiry, overdue rules).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now = now.Add(by);
}
