using Speciosa.Web.Components.Home;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Jurisdictions;

/// <summary>The administrator's board: registry entries not checked for more than <c>Jurisdictions:StaleAfterDays</c>, counted with
/// the registry list's own query under "Stale only" (<see cref="JurisdictionRegistry.ListAsync"/>). The registry is shared by every
/// clinic, so this count is the same in each.</summary>
public sealed class RegistryHomeTile(JurisdictionRegistry registry) : IHomeTile
{
    public int Order => 65;

    public IReadOnlyList<string> Roles { get; } = [SpeciosaRoles.Admin];

    public async Task<HomeTile?> LoadAsync(HomeContext context, CancellationToken ct)
    {
        var (query, _) = JurisdictionQuery.From(null, null, null, null, true, null, 1, 1);
        var page = await registry.ListAsync(query!, context.Today, ct);
        return new HomeTile("registry", "Legal-status registry", [
            new HomeCount("Registry entries stale", page.Total, "/jurisdictions?staleOnly=true",
                $"Entries not checked against their sources for more than {registry.StaleAfterDays} days (shared by every clinic).",
                "table.jurisdictions tbody tr", page.Total > 0 ? "warning" : null),
        ]);
    }
}
