using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Speciosa.Web.Http;

/// <summary>Sign-in attempts are limited per client address (configurable: <c>Security:SignInAttemptsPerMinute</c>),
/// on top of per-account lockout, to slow password guessing across many accounts.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddSpeciosaRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Security:SignInAttemptsPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, _) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await ProblemResponses.WriteAsync(ctx.HttpContext, StatusCodes.Status429TooManyRequests,
                    "Too many sign-in attempts from this address. Wait a minute and try again.");
            };
            o.AddPolicy(SignIn, http =>
                // Only submissions count: showing the sign-in page is free.
                HttpMethods.IsPost(http.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("get"));
        });
        return services;
    }
}
