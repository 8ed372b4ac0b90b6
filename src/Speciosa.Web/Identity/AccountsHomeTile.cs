using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Components.Home;
using Speciosa.Web.Data;

namespace Speciosa.Web.Identity;

/// <summary>The administrator's board: the accounts of the clinic, counted with the query the user list (/admin/users) shows
/// (<see cref="ClinicAccounts"/>), and how many are active.</summary>
public sealed class AccountsHomeTile(SpeciosaDbContext db) : IHomeTile
{
    /// <summary>Most accounts the user list shows at once.</summary>
    public const int ListLimit = 200;

    /// <summary>The accounts /admin/users lists: the clinic's, by user name, at most <see cref="ListLimit"/>.</summary>
    public static IQueryable<UserAccount> ClinicAccounts(IQueryable<UserAccount> users, Guid? clinicId) =>
        users.Where(u => u.ClinicId == clinicId).OrderBy(u => u.NormalizedUserName).ThenBy(u => u.Id).Take(ListLimit);

    public int Order => 60;

    public IReadOnlyList<string> Roles { get; } = [SpeciosaRoles.Admin];

    public async Task<HomeTile?> LoadAsync(HomeContext context, CancellationToken ct)
    {
        var accounts = ClinicAccounts(db.Users.AsNoTracking(), context.ClinicId);
        var total = await accounts.CountAsync(ct);
        var inactive = await accounts.CountAsync(u => !u.IsActive, ct);
        return new HomeTile("accounts", "Users", [
            new HomeCount("Accounts of your clinic", total, "/admin/users", "Every account of the clinic, active or deactivated, as the user list shows them.",
                "#accounts tbody tr"),
        ], inactive == 0 ? "All of them active." : $"{inactive} of them deactivated.");
    }
}
