using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Speciosa.Web.Identity;

/// <summary>Puts roles, clinic and display name into the sign-in principal (we have no RoleManager:
/// roles are a fixed set held on the user).</summary>
public sealed class UserAccountClaimsFactory(UserManager<UserAccount> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<UserAccount>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SpeciosaClaims.ClinicId, user.ClinicId.ToString()));
        identity.AddClaim(new Claim(SpeciosaClaims.DisplayName, user.DisplayName));
        foreach (var role in await UserManager.GetRolesAsync(user))
        {
            identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, role));
        }

        return identity;
    }
}
