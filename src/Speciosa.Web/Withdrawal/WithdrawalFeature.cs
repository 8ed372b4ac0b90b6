using Speciosa.Web.Http;

namespace Speciosa.Web.Withdrawal;

/// <summary>Opioid history, withdrawal episodes with their expected course, and assessments (COWS, SOWS, …).</summary>
public sealed class WithdrawalFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<WithdrawalRecords>();

    public void Map(IEndpointRouteBuilder app) => app.MapWithdrawalEndpoints();
}
