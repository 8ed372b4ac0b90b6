using Speciosa.Web.Http;

namespace Speciosa.Web.Alerts;

/// <summary>Raised alerts (rule, inputs, threshold, source), the clinic worklist, acknowledge and resolve.</summary>
public sealed class AlertsFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<AlertWorklist>();

    public void Map(IEndpointRouteBuilder app) => app.MapAlertEndpoints();
}
