using Speciosa.Web.Http;

namespace Speciosa.Web.Safety;

/// <summary>Adverse events, pregnancy review and the time-based safety sweep.</summary>
public sealed class SafetyFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PregnancyReview>();
        services.AddScoped<AdverseEvents>();
        services.AddScoped<SafetySweep>();
        services.AddHostedService<SafetyMonitor>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapAdverseEventEndpoints();
}
