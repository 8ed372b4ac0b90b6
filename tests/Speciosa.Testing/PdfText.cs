using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using Xunit;

namespace Speciosa.Testing;

/// <summary>A PDF the app answered, read back with PdfPig as a person would read it: the words of each page, in order,
/// joined by single spaces, plus the response's file name.</summary>
public sealed partial class PdfText
{
    private PdfText(IReadOnlyList<string> pages, IReadOnlyList<int> imageCounts, string? fileName)
    {
        Pages = pages;
        ImageCounts = imageCounts;
        FileName = fileName;
    }

    public IReadOnlyList<string> Pages { get; }

    /// <summary>Images on each page (the server-drawn charts).</summary>
    public IReadOnlyList<int> ImageCounts { get; }

    /// <summary>The Content-Disposition file name.</summary>
    public string? FileName { get; }

    public string All => string.Join("\n", Pages);

    /// <summary>GETs <paramref name="path"/>, checks it is a PDF download, and reads it.</summary>
    public static async Task<PdfText> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
        var fileName = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        // To look at what the tests printed: SPECIOSA_PDF_DIR=/some/dir keeps a copy of each PDF there.
        if (Environment.GetEnvironmentVariable("SPECIOSA_PDF_DIR") is { Length: > 0 } dir && fileName is not null)
        {
            await File.WriteAllBytesAsync(Path.Combine(dir, Path.GetFileName(fileName)), bytes);
        }

        return Read(bytes, fileName);
    }

    public static PdfText Read(byte[] pdf, string? fileName = null)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        return new PdfText(
            pages.Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList(),
            pages.Select(p => p.GetImages().Count()).ToList(),
            fileName);
    }

    /// <summary>Every page says each of <paramref name="texts"/>.</summary>
    public void AssertEveryPage(params string[] texts)
    {
        for (var i = 0; i < Pages.Count; i++)
        {
            foreach (var text in texts)
            {
                Assert.True(Pages[i].Contains(text, StringComparison.Ordinal), $"Page {i + 1} of {Pages.Count} does not say \"{text}\":\n{Pages[i]}");
            }
        }
    }

    /// <summary>Page i of n says "Page i of n".</summary>
    public void AssertPageNumbers()
    {
        for (var i = 0; i < Pages.Count; i++)
        {
            Assert.True(Pages[i].Contains($"Page {i + 1} of {Pages.Count}", StringComparison.Ordinal), $"Page {i + 1} has no \"Page {i + 1} of {Pages.Count}\":\n{Pages[i]}");
        }
    }

    /// <summary>Every page says when it was generated, in <paramref name="zoneId"/>'s clock time and labelled with it,
    /// within the test's own before/after instants.</summary>
    public void AssertGeneratedIn(string zoneId, DateTimeOffset before, DateTimeOffset after)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var earliest = TimeZoneInfo.ConvertTime(before, zone).DateTime.AddMinutes(-1);
        var latest = TimeZoneInfo.ConvertTime(after, zone).DateTime.AddMinutes(1);
        for (var i = 0; i < Pages.Count; i++)
        {
            var match = Regex.Match(Pages[i], @"Generated (\d{4}-\d\d-\d\d \d\d:\d\d) \(" + Regex.Escape(zoneId) + @"\)");
            Assert.True(match.Success, $"Page {i + 1} does not say when it was generated in {zoneId}:\n{Pages[i]}");
            var at = DateTime.ParseExact(match.Groups[1].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            Assert.InRange(at, earliest, latest);
        }
    }

    public void AssertSays(params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.True(All.Contains(text, StringComparison.Ordinal), $"The document does not say \"{text}\":\n{All}");
        }
    }

    /// <summary>No page says any of <paramref name="texts"/> (case-sensitive: "MME" is not in "recommended").</summary>
    public void AssertDoesNotSay(params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.False(All.Contains(text, StringComparison.Ordinal), $"The document says \"{text}\":\n{All}");
        }
    }
}
