using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Speciosa.Web.Http;

/// <summary>Running behind a reverse proxy that terminates TLS. <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed only from the addresses in <c>Proxy:KnownProxies</c> / <c>Proxy:KnownNetworks</c> (none by default, so a
/// client cannot claim another address or HTTPS); from those, the request takes the client's address (the sign-in
/// limiter and throttle key on it) and its scheme (so cookies are <c>Secure</c> and HSTS is sent). The host is never
/// taken from a forwarded header, and a redirect never names a host at all (<see cref="UseRelativeRedirects"/>), so
/// the <c>AllowedHosts</c> list is the only say a request has over the host.</summary>
public static class BehindProxy
{
    public static IServiceCollection AddBehindProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Addresses<IPAddress>(configuration, "Proxy:KnownProxies", (string text, out IPAddress value) => IPAddress.TryParse(text, out value!));
        var networks = Addresses<System.Net.IPNetwork>(configuration, "Proxy:KnownNetworks", (string text, out System.Net.IPNetwork value) => System.Net.IPNetwork.TryParse(text, out value));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = configuration.GetValue("Proxy:ForwardLimit", 1);
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies)
            {
                o.KnownProxies.Add(p);
            }

            foreach (var n in networks)
            {
                o.KnownIPNetworks.Add(n);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after sees the client's address and scheme.</summary>
    public static IApplicationBuilder UseBehindProxy(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (configuration.GetSection("Proxy:KnownProxies").GetChildren().Any() || configuration.GetSection("Proxy:KnownNetworks").GetChildren().Any())
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>Writes a redirect to this application as a path (Blazor's <c>NavigateTo</c> writes an absolute URL built from
    /// the request's Host header).</summary>
    public static IApplicationBuilder UseRelativeRedirects(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var location = context.Response.Headers.Location.ToString();
                if (location.Length > 0 && Uri.TryCreate(location, UriKind.Absolute, out var target)
                    && target.Scheme is "http" or "https"
                    && string.Equals(target.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers.Location = target.PathAndQuery + target.Fragment;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    private delegate bool Parser<T>(string text, out T value);

    private static List<T> Addresses<T>(IConfiguration configuration, string key, Parser<T> parse)
    {
        var list = new List<T>();
        foreach (var entry in configuration.GetSection(key).GetChildren())
        {
            if (!parse(entry.Value?.Trim() ?? "", out var value))
            {
                throw new InvalidOperationException($"{key}:{entry.Key} = '{entry.Value}' is not an IP address{(typeof(T) == typeof(IPAddress) ? "" : " range in CIDR form (10.0.0.0/8)")}.");
            }

            list.Add(value);
        }

        return list;
    }
}
