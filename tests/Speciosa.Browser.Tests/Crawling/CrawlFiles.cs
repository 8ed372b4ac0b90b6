using System.Text;
using Microsoft.Playwright;
using Speciosa.Testing;

namespace Speciosa.Browser.Tests.Crawling;

/// <summary>What the crawler puts in a file input: a real PNG where the input takes images (the lot photo form
/// checks the content), else a small text file named after what the input accepts.</summary>
internal static class CrawlFiles
{
    public static FilePayload For(string accept)
    {
        var a = accept.ToLowerInvariant();
        if (a.Contains("image", StringComparison.Ordinal) || a.Contains(".png", StringComparison.Ordinal))
        {
            return new FilePayload { Name = "crawler.png", MimeType = "image/png", Buffer = Png.Create(64, 48) };
        }

        if (a.Contains("json", StringComparison.Ordinal))
        {
            return new FilePayload { Name = "crawler.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes("[]") };
        }

        return new FilePayload { Name = "crawler.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Crawler test\n") };
    }
}
