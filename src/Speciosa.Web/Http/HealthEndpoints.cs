using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Speciosa.Web.Data;

namespace Speciosa.Web.Http;

/// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the database answers too.
/// Both anonymous, for load balancers; they say nothing but the status.</summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddSpeciosaHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapSpeciosaHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().WithMetadata(new HealthEndpointMarker());
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous().WithMetadata(new HealthEndpointMarker());
        return app;
    }
}

/// <summary>Marks health probes for the endpoint inventory's allow-list.</summary>
public sealed class HealthEndpointMarker;

/// <summary>Marks static files (CSS, images) for the endpoint inventory's allow-list.</summary>
public sealed class StaticFileMarker;

public sealed class DatabaseHealthCheck(SpeciosaDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
