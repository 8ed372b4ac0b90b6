using Speciosa.Web.Http;

namespace Speciosa.Web.Research;

/// <summary>The Researcher's view (issue 16 item 5): cohort counts, the de-identified extract and its data dictionary. Reads the
/// records of Withdrawal, Regimens, Liver, Safety and Alerts; nothing depends on it.</summary>
public sealed class ResearchFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ResearchExtracts>();
        services.AddScoped<Components.Home.IHomeTile, ResearchHomeTile>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapResearchEndpoints();
}
