using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Identity;

/// <summary>Failed password sign-ins of one account from one source address (issue 18 item 4). Kept in the database so
/// every instance counts the same failures.</summary>
public sealed class SignInThrottleEntry
{
    /// <summary>The account's id and the source address: <c>{userId:N}|{address}</c>.</summary>
    public required string Key { get; set; }
    public Guid UserId { get; set; }
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? BlockedUntil { get; set; }
}

/// <summary>
/// Slows password guessing without handing an attacker a way to lock a person out: failures count per account and
/// source address, and from <c>Security:MaxFailedSignIns</c> failures on, that source waits before its next try, a delay
/// that doubles with each further failure (from <c>Security:SignInDelaySeconds</c>, at most <c>Security:LockoutMinutes</c>).
/// The same account from another address, and its API tokens, are not affected. A success from the source, a day
/// without failures, or an administrator's unlock clears the count.
/// </summary>
public sealed class SignInThrottle(SpeciosaDbContext db, TimeProvider clock, IConfiguration configuration)
{
    private static readonly TimeSpan Forget = TimeSpan.FromDays(1);

    public int MaxFailures { get; } = Math.Max(1, configuration.GetValue("Security:MaxFailedSignIns", 5));
    public TimeSpan FirstDelay { get; } = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Security:SignInDelaySeconds", 30)));
    public TimeSpan LongestDelay { get; } = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Security:LockoutMinutes", 15)));

    /// <summary>The wait after <paramref name="failures"/> failures: none below the limit, then doubling up to the cap.</summary>
    public static TimeSpan? DelayAfter(int failures, int maxFailures, TimeSpan first, TimeSpan longest)
    {
        if (failures < maxFailures) return null;
        var doublings = Math.Min(failures - maxFailures, 30);
        var delay = TimeSpan.FromTicks(Math.Min(longest.Ticks, first.Ticks * (1L << doublings)));
        return delay;
    }

    public static string KeyOf(Guid userId, string source) => $"{userId:N}|{source}";

    /// <summary>Until when this source must wait before trying this account again (null: it may try now).</summary>
    public async Task<DateTimeOffset?> BlockedUntilAsync(Guid userId, string source)
    {
        var key = KeyOf(userId, source);
        var blocked = await db.SignInThrottles.AsNoTracking().Where(t => t.Key == key).Select(t => t.BlockedUntil).FirstOrDefaultAsync();
        return blocked > clock.GetUtcNow() ? blocked : null;
    }

    /// <summary>Counts a failure (atomically, so concurrent failures all count) and returns the wait it starts, if any.</summary>
    public async Task<DateTimeOffset?> FailedAsync(Guid userId, string source)
    {
        var key = KeyOf(userId, source);
        var now = clock.GetUtcNow();
        await db.SignInThrottles.Where(t => t.Key == key && t.LastFailureAt < now - Forget).ExecuteDeleteAsync();
        var counted = await db.SignInThrottles.Where(t => t.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, t => t.Failures + 1).SetProperty(t => t.LastFailureAt, now));
        if (counted == 0)
        {
            try
            {
                db.SignInThrottles.Add(new SignInThrottleEntry { Key = key, UserId = userId, Failures = 1, LastFailureAt = now });
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Another request counted the first failure at the same moment: count this one on its row.
                db.ChangeTracker.Clear();
                await db.SignInThrottles.Where(t => t.Key == key)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, t => t.Failures + 1).SetProperty(t => t.LastFailureAt, now));
            }
        }

        var failures = await db.SignInThrottles.AsNoTracking().Where(t => t.Key == key).Select(t => t.Failures).FirstAsync();
        if (DelayAfter(failures, MaxFailures, FirstDelay, LongestDelay) is not { } delay) return null;
        var until = now + delay;
        await db.SignInThrottles.Where(t => t.Key == key).ExecuteUpdateAsync(s => s.SetProperty(t => t.BlockedUntil, until));
        return until;
    }

    public async Task SucceededAsync(Guid userId, string source)
    {
        var key = KeyOf(userId, source);
        await db.SignInThrottles.Where(t => t.Key == key).ExecuteDeleteAsync();
    }

    /// <summary>Whether any source is waiting before it may try this account again (shown to administrators).</summary>
    public async Task<HashSet<Guid>> DelayedAccountsAsync(IEnumerable<Guid> userIds)
    {
        var now = clock.GetUtcNow();
        var ids = userIds.ToList();
        return (await db.SignInThrottles.AsNoTracking().Where(t => ids.Contains(t.UserId) && t.BlockedUntil > now)
            .Select(t => t.UserId).Distinct().ToListAsync()).ToHashSet();
    }

    /// <summary>An administrator's unlock: every source may try the account again at once.</summary>
    public async Task<int> ClearAsync(Guid userId) =>
        await db.SignInThrottles.Where(t => t.UserId == userId).ExecuteDeleteAsync();
}
