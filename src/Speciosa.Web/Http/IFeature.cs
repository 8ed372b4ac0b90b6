namespace Speciosa.Web.Http;

/// <summary>One feature's entry point: its services and its endpoints. The host is a list of these
/// (<see cref="SpeciosaApp"/>); a feature's pages are found by the router through the assembly.</summary>
public interface IFeature
{
    void Add(IServiceCollection services, IConfiguration configuration);

    void Map(IEndpointRouteBuilder app);
}
