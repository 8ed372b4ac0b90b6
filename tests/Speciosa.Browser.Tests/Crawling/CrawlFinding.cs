using System.Text;
using System.Text.RegularExpressions;

namespace Speciosa.Browser.Tests.Crawling;

/// <summary>One thing the crawler found wrong: where (the page's address and kind, the form and how it was
/// filled, and the step: visiting the page, opening it for a form, submitting, reloading), what, the HTTP status
/// and the console or server text.</summary>
internal sealed record CrawlFinding(string PageUrl, string PageKind, string? Form, string Step, string What, int? Status = null, string? Detail = null);

internal static partial class CrawlReport
{
    /// <summary>The findings grouped by page kind and form, readable in a test failure.</summary>
    public static string Format(string role, IReadOnlyList<CrawlFinding> findings)
    {
        var text = new StringBuilder();
        text.AppendLine($"The crawl as {role} found {findings.Count} problem(s):");
        foreach (var group in findings.GroupBy(f => (f.PageKind, f.Form)))
        {
            text.AppendLine();
            text.AppendLine(group.Key.Form is null ? $"● page {group.Key.PageKind}" : $"● page {group.Key.PageKind} · form {group.Key.Form}");
            // The same problem on several pages of one kind (four lots, five registry entries) is listed once.
            foreach (var same in group.GroupBy(f => (f.Step, What: Guids().Replace(f.What, "{id}"), f.Status)))
            {
                var f = same.First();
                text.Append($"    - [{f.Step}] {f.What}");
                if (f.Status is { } status)
                {
                    text.Append($" (HTTP {status})");
                }

                text.AppendLine($" — at {f.PageUrl}{(same.Count() > 1 ? $" and {same.Count() - 1} more page(s) of this kind" : "")}");
                if (!string.IsNullOrWhiteSpace(f.Detail))
                {
                    foreach (var line in f.Detail.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).Take(6))
                    {
                        text.AppendLine($"        {line}");
                    }
                }
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guids();
}
