using System.Security.Claims;

namespace Speciosa.Web.Identity;

public static class SpeciosaClaims
{
    public const string ClinicId = "speciosa:clinic";
    public const string DisplayName = "speciosa:display_name";

    /// <summary>The server-side session a cookie belongs to (<see cref="UserSessions"/>).</summary>
    public const string SessionId = "speciosa:sid";

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? ClinicIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClinicId), out var id) ? id : null;

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}
