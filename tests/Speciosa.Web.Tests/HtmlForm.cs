using System.Text.RegularExpressions;

namespace Speciosa.Web.Tests;

public static partial class HtmlForm
{
    public static string AntiforgeryToken(string html) =>
        AntiforgeryPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
