using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Speciosa.Testing;

/// <summary>Posting a server-rendered form as a browser would: the page's antiforgery token and handler name,
/// the fields as typed, and the post-redirect-get to the page the browser lands on.</summary>
public static partial class HtmlForm
{
    private static readonly TimeZoneInfo DemoClinicZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static string AntiforgeryToken(string html) =>
        AntiforgeryPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token in the page.");

    /// <summary>GETs the form page (unless <paramref name="page"/> is the one already read), then POSTs the fields
    /// with its antiforgery token and handler name.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string handler,
        IEnumerable<KeyValuePair<string, string>> fields, string? page = null)
    {
        page ??= await client.GetStringAsync(path);
        var form = new List<KeyValuePair<string, string>>
        {
            new("_handler", handler), new("__RequestVerificationToken", AntiforgeryToken(page)),
        };
        form.AddRange(fields);
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>Follows the post-redirect-get to the page a browser would land on, HTML-decoded.</summary>
    public static async Task<string> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect after saving, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
    }

    /// <summary>What a <c>datetime-local</c> field shows for <paramref name="at"/> in the demo clinic's time zone
    /// (America/New_York), which is how the pages read it back.</summary>
    public static string DemoClinicLocal(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, DemoClinicZone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
