using System.Text.RegularExpressions;
using Speciosa.Clinical.Knowledge;
using Xunit;

namespace Speciosa.Clinical.Tests.Safety;

/// <summary>
/// The marketing claims about kratom that are false (clinical audit, "Search for false claims"; issue 12 item 7):
/// none may appear in any knowledge file, page, alert template, document or other source text we ship. The scan
/// reads the repository's files, not the compiled code, so a claim in a Razor page or a JSON file is found too.
/// </summary>
public class FalseClaimTests
{
    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void No_shipped_text_repeats_a_false_claim_about_kratom(string relativePath)
    {
        var found = FalseClaims.Find(File.ReadAllText(Path.Combine(Repository.Root, relativePath)));

        Assert.True(found.Count == 0, $"{relativePath} says: {string.Join("; ", found)}");
    }

    [Fact]
    public void The_scan_reads_knowledge_pages_alert_templates_and_documents()
    {
        var files = ShippedPaths().ToList();

        Assert.Contains("src/knowledge/safety/pregnancy.json", files);
        Assert.Contains("src/knowledge/interactions/rules.json", files);
        Assert.Contains("src/Speciosa.Web/Components/Pages/Home.razor", files);
        Assert.Contains("src/Speciosa.Clinical/Safety/PregnancyRisk.cs", files);
        Assert.Contains("README.md", files);
        Assert.Contains("docs/architecture.md", files);
        Assert.DoesNotContain(files, f => f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal));
        Assert.True(files.Count(f => f.StartsWith("src/knowledge/", StringComparison.Ordinal)) == KnowledgeFile.Names().Count,
            "every embedded knowledge file is scanned");
    }

    [Theory]
    [InlineData("Kratom is liver-protective.")]
    [InlineData("Its alkaloids are hepatoprotective in animals.")]
    [InlineData("It protects the liver.")]
    [InlineData("Kratom is not addictive.")]
    [InlineData("A non-addictive plant.")]
    [InlineData("A nonaddictive plant.")]
    [InlineData("Users report no addiction.")]
    [InlineData("There is no withdrawal when you stop.")]
    [InlineData("Kratom is safer than methadone.")]
    [InlineData("It works better than buprenorphine.")]
    [InlineData("A study found it better than MAT.")]
    [InlineData("Kratom beats MAT for withdrawal.")]
    [InlineData("It is natural and safe.")]
    [InlineData("kratom is safe")]
    [InlineData("<p>Kratom is not\n        <em>addictive</em>.</p>")]
    public void The_scan_finds_each_false_claim_even_across_lines_and_markup(string text)
    {
        Assert.NotEmpty(FalseClaims.Find(text));
    }

    [Theory]
    [InlineData("Kratom can itself cause dependence, withdrawal and liver injury.")]
    [InlineData("Score the resting pulse in beats per minute.")]
    [InlineData("Buprenorphine, methadone and naltrexone are the first line; kratom is not an approved treatment.")]
    [InlineData("No withdrawal score recorded yet")]
    public void The_scan_passes_true_statements(string text)
    {
        Assert.Empty(FalseClaims.Find(text));
    }

    public static TheoryData<string> ShippedFiles() => new(ShippedPaths());

    private static IEnumerable<string> ShippedPaths()
    {
        string[] extensions = [".json", ".razor", ".cs", ".md", ".html", ".css", ".js"];
        var root = Repository.Root;
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "README.md"));
        return sources
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => !f.Contains("/lib/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }
}

/// <summary>The false claims, as patterns over text whose markup is removed and whose whitespace is collapsed.</summary>
public static partial class FalseClaims
{
    private static readonly Regex[] Claims =
    [
        Claim(@"\bliver[- ]?protect"),
        Claim(@"\bprotects? (the |your )?liver"),
        Claim(@"\bhepato-?protect"),
        Claim(@"\bnot addictive\b"),
        Claim(@"\bnon-?addictive\b"),
        Claim(@"\bno addiction\b"),
        Claim(@"\bno withdrawal\b(?! (score|assessment|reading|record))"),
        Claim(@"\b(safer|better|more effective) than (methadone|buprenorphine|naltrexone|MAT|MOUD|medications? for opioid use disorder|standard treatment)\b"),
        Claim(@"\bbeats (MAT|MOUD|methadone|buprenorphine|standard treatment)\b"),
        Claim(@"\bnatural and safe\b"),
        Claim(@"\bkratom is safe\b"),
    ];

    public static IReadOnlyList<string> Find(string text)
    {
        var plain = Whitespace().Replace(Markup().Replace(text, ""), " ");
        return Claims.SelectMany(c => c.Matches(plain)).Select(m => m.Value).ToList();
    }

    private static Regex Claim(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>The checkout the tests run from: the folder holding Speciosa.slnx, above the test binaries.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Speciosa.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Speciosa.slnx not found above " + AppContext.BaseDirectory);
    }
}
