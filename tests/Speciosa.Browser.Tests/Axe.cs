using System.Text.Json;
using Microsoft.Playwright;
using Speciosa.Testing;

namespace Speciosa.Browser.Tests;

/// <summary>axe-core (npm, pinned in <c>axe/package.json</c>; the build runs <c>npm ci</c> there when it is missing and
/// copies <c>axe.min.js</c> beside the tests). It is added to a context as an init script — Playwright injects those
/// outside the page's Content-Security-Policy, which forbids inline scripts — and run on the page as it is.</summary>
internal static class Axe
{
    private static readonly Lazy<string?> Source = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    });

    /// <summary>Makes axe available on every page of <paramref name="context"/>, or skips/fails when it is not installed.</summary>
    public static async Task AddToAsync(IBrowserContext context)
    {
        if (Source.Value is null)
        {
            TestEnvironment.SkipOrFail(TestEnvironment.RequireBrowser,
                "axe-core is not installed: run 'npm ci --prefix tests/Speciosa.Browser.Tests/axe' (the build tries it when npm is present).");
        }

        await context.AddInitScriptAsync(Source.Value);
    }

    /// <summary>The page's violations of impact serious or critical (WCAG 2.x A/AA and best-practice rules axe runs by
    /// default), each with up to three of the elements at fault.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> SeriousViolationsAsync(IPage page)
    {
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => {
              if (typeof axe === 'undefined') return null;
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }));
            }
            """);
        if (found.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException("axe-core is not loaded on the page: call Axe.AddToAsync on its context first.");
        }

        return found.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("help").GetString()!,
            v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();
    }
}

internal sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets);
