using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Http;

/// <summary>Sign-in attempts counted per client address and minute, in the database so that every app instance counts
/// the same attempts (issue 18 item 9; an in-memory limiter let each of N instances allow the whole limit).</summary>
public sealed class SignInAttemptWindow
{
    public required string Address { get; set; }
    /// <summary>Whole minutes since the Unix epoch (UTC): the fixed window this row counts.</summary>
    public long Minute { get; set; }
    public int Attempts { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<SignInAttemptWindow>(e =>
    {
        e.ToTable("SignInAttempts");
        e.HasKey(w => new { w.Address, w.Minute });
        e.Property(w => w.Address).HasMaxLength(64);
        e.HasIndex(w => w.Minute);
    });
}

/// <summary>Sign-in attempts are limited per client address (configurable: <c>Security:SignInAttemptsPerMinute</c>),
/// on top of the per-account delay (<see cref="Identity.SignInThrottle"/>), to slow password guessing across many
/// accounts. The endpoints and pages that take a password carry <c>[EnableRateLimiting(RateLimits.SignIn)]</c>; only
/// their submissions (POST) count. The count is kept in the database (<see cref="SignInAttemptWindow"/>), one fixed
/// window a minute, so the limit holds across every instance on the database.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    /// <summary>Refuses a sign-in submission over the address's limit for this minute with 429 and Retry-After.</summary>
    public static IApplicationBuilder UseSharedSignInLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsPost(http.Request.Method)
            || http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != SignIn)
        {
            await next(http);
            return;
        }

        var perMinute = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Security:SignInAttemptsPerMinute", 20);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var attempts = await CountAsync(http.RequestServices.GetRequiredService<SpeciosaDbContext>(), address, now, http.RequestAborted);
        if (attempts > perMinute)
        {
            var secondsLeft = 60 - now.ToUnixTimeSeconds() % 60;
            http.Response.Headers.RetryAfter = secondsLeft.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ProblemResponses.WriteAsync(http, StatusCodes.Status429TooManyRequests,
                "Too many sign-in attempts from this address. Wait a minute and try again.");
            return;
        }

        await next(http);
    });

    /// <summary>Counts one attempt from <paramref name="address"/> in the minute of <paramref name="now"/> and returns
    /// the minute's count so far, in one statement (an upsert), so concurrent attempts on any instance all count.</summary>
    public static async Task<int> CountAsync(SpeciosaDbContext db, string address, DateTimeOffset now, CancellationToken ct)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        address = address.Length <= 64 ? address : address[..64];
        // Windows older than the previous minute no longer count; the index on Minute keeps this cheap.
        await db.Set<SignInAttemptWindow>().Where(w => w.Minute < minute - 1).ExecuteDeleteAsync(ct);
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "SignInAttempts" ("Address", "Minute", "Attempts") VALUES ({address}, {minute}, 1)
            ON CONFLICT ("Address", "Minute") DO UPDATE SET "Attempts" = "SignInAttempts"."Attempts" + 1
            RETURNING "Attempts" AS "Value"
            """).ToListAsync(ct);
        return counts.Single();
    }
}
