using Speciosa.Web.Http;

namespace Speciosa.Web.Clinics;

/// <summary>The clinic and its calendar: time zone, today, and clinic-local times on pages.</summary>
public sealed class ClinicsFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ClinicZones>();
        services.AddScoped<ClinicCalendar>();
    }

    public void Map(IEndpointRouteBuilder app)
    {
    }
}
