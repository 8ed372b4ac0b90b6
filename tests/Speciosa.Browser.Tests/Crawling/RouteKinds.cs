using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Speciosa.Browser.Tests.Crawling;

/// <summary>A page's kind is the app's own route template that serves it (e.g. /jurisdictions/{Id}/edit), read
/// from the server's endpoints, plus the names of its query parameters. Guessing ids from the address does not
/// work: registry ids such as "ca" or "us-dc" look like words.</summary>
internal sealed class RouteKinds(IServiceProvider services)
{
    private readonly List<RoutePattern> patterns = services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => e.RoutePattern)
        .Where(p => p.RawText is not null)
        .DistinctBy(p => p.RawText)
        .ToList();

    public string KindOf(string url)
    {
        var uri = new Uri(url);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var best = patterns
            .Select(p => (Pattern: p, Literals: Match(p, segments)))
            .Where(m => m.Literals >= 0)
            .OrderByDescending(m => m.Literals)
            .Select(m => "/" + m.Pattern.RawText!.TrimStart('/'))
            .FirstOrDefault() ?? uri.AbsolutePath;
        var keys = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        return keys.Count == 0 ? best : best + "?" + string.Join('&', keys);
    }

    /// <summary>The number of literal segments when <paramref name="pattern"/> matches, else -1.</summary>
    private static int Match(RoutePattern pattern, string[] segments)
    {
        var literals = 0;
        for (var i = 0; i < pattern.PathSegments.Count; i++)
        {
            var parts = pattern.PathSegments[i].Parts;
            if (parts is [RoutePatternParameterPart { IsCatchAll: true }])
            {
                return literals;
            }

            if (i >= segments.Length)
            {
                return parts is [RoutePatternParameterPart { IsOptional: true }] ? literals : -1;
            }

            switch (parts)
            {
                case [RoutePatternLiteralPart literal]:
                    if (!string.Equals(literal.Content, segments[i], StringComparison.OrdinalIgnoreCase))
                    {
                        return -1;
                    }

                    literals++;
                    break;
                case [RoutePatternParameterPart parameter]:
                    if (parameter.ParameterPolicies.Any(p => p.Content is "guid") && !Guid.TryParse(segments[i], out _)
                        || parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") && !long.TryParse(segments[i], out _))
                    {
                        return -1;
                    }

                    break;
                default:
                    break; // a complex segment: take it as matching
            }
        }

        return segments.Length == pattern.PathSegments.Count ? literals : -1;
    }
}
