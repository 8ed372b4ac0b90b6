using Microsoft.AspNetCore.Authorization;

namespace Speciosa.Web.Identity;

/// <summary>Named authorization policies. The fallback policy requires a signed-in user everywhere;
/// endpoints open to anonymous callers say so explicitly.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    /// <summary>Quality staff: product, lot, certificate, photo and release/recall writes.</summary>
    public const string Quality = "Quality";

    public static void Configure(AuthorizationOptions o)
    {
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(SpeciosaRoles.Admin));
        o.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(
            SpeciosaRoles.Admin, SpeciosaRoles.Clinician, SpeciosaRoles.Nurse, SpeciosaRoles.Quality, SpeciosaRoles.Researcher));
        o.AddPolicy(Quality, p => p.RequireAuthenticatedUser().RequireRole(SpeciosaRoles.Quality));
    }
}
