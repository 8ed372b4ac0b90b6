using Speciosa.Web.Http;

namespace Speciosa.Web.Products;

/// <summary>Products, lots, certificates of analysis, release and recall.</summary>
public sealed class ProductsFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProductOptions>(configuration.GetSection(ProductOptions.Section));
        services.AddScoped<LotQuality>();
        services.AddScoped<LotRelease>();
        services.AddScoped<ProductService>();
        services.AddScoped<CoaCsvImport>();
        services.AddScoped<LotsAwaiting>();
        services.AddScoped<Components.Home.IHomeTile, LotsHomeTile>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapProductEndpoints().MapLotDocuments();
}
