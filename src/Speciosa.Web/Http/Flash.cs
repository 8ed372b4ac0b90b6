using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Speciosa.Web.Http;

/// <summary>Post, then redirect, when the result is more than a word: the page that handled the post puts the result
/// in a short-lived cookie, encrypted, readable only by the page it redirects to (its path), which takes it once and
/// deletes it. A reload then neither repeats the action nor shows the result again. Used for a new access token's
/// secret and for import reports.</summary>
public static class Flash
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public static void Put<T>(HttpContext http, string name, string path, T value)
    {
        var sealedValue = Protector(http, name).Protect(JsonSerializer.Serialize(value), Lifetime);
        http.Response.Cookies.Append(CookieName(name), sealedValue, new CookieOptions
        {
            Path = path, HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, MaxAge = Lifetime,
        });
    }

    /// <summary>The value put just before the redirect here, once; null on a post, after it was taken, or when expired.</summary>
    public static T? Take<T>(HttpContext http, string name, string path)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || !http.Request.Cookies.TryGetValue(CookieName(name), out var sealedValue))
        {
            return default;
        }

        http.Response.Cookies.Delete(CookieName(name), new CookieOptions { Path = path });
        try
        {
            return JsonSerializer.Deserialize<T>(Protector(http, name).Unprotect(sealedValue));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException)
        {
            return default;
        }
    }

    private static string CookieName(string name) => $"speciosa.flash.{name}";

    private static ITimeLimitedDataProtector Protector(HttpContext http, string name) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("Speciosa.Flash", name).ToTimeLimitedDataProtector();
}
