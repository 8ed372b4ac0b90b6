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

    /// <summary>The fields of the page's form <paramref name="handler"/> as a browser would post them untouched:
    /// inputs with their value (checkboxes and radios only when checked), text areas with their text, selects with
    /// their selected option (else the first), all HTML-decoded. The handler name and antiforgery token are left
    /// out (<see cref="PostFormAsync"/> adds them); a name repeated keeps its first value.</summary>
    public static Dictionary<string, string> FieldsOf(string html, string handler)
    {
        var form = FormPattern().Matches(html).Select(m => m.Value)
            .SingleOrDefault(f => f.Contains($"name=\"_handler\" value=\"{handler}\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form {handler} in the page.");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in ControlPattern().Matches(form))
        {
            var tag = m.Value;
            if (Attribute(tag, "name") is not { } name || name is "_handler" or "__RequestVerificationToken" || fields.ContainsKey(name))
            {
                continue;
            }

            if (tag.StartsWith("<textarea", StringComparison.OrdinalIgnoreCase))
            {
                fields[name] = WebUtility.HtmlDecode(m.Groups["text"].Value);
            }
            else if (tag.StartsWith("<select", StringComparison.OrdinalIgnoreCase))
            {
                var options = OptionPattern().Matches(m.Groups["options"].Value).Select(o => o.Groups[1].Value).ToList();
                var chosen = options.FirstOrDefault(o => SelectedPattern().IsMatch(o)) ?? options.FirstOrDefault();
                if (chosen is not null)
                {
                    fields[name] = Attribute(chosen, "value") ?? "";
                }
            }
            else if (Attribute(tag, "type")?.ToLowerInvariant() is "checkbox" or "radio")
            {
                if (CheckedPattern().IsMatch(tag))
                {
                    fields[name] = Attribute(tag, "value") ?? "on";
                }
            }
            else if (Attribute(tag, "type")?.ToLowerInvariant() is not ("submit" or "button" or "file"))
            {
                fields[name] = Attribute(tag, "value") ?? "";
            }
        }

        return fields;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $@"\s{name}=""([^""]*)""", RegexOptions.IgnoreCase) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

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

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<textarea\\b[^>]*>(?<text>.*?)</textarea>|<select\\b[^>]*>(?<options>.*?)</select>|<input\\b[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ControlPattern();

    [GeneratedRegex("(<option\\b[^>]*>)", RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex("\\sselected(\\s|=|>|/)", RegexOptions.IgnoreCase)]
    private static partial Regex SelectedPattern();

    [GeneratedRegex("\\schecked(\\s|=|>|/)", RegexOptions.IgnoreCase)]
    private static partial Regex CheckedPattern();
}
