using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Http;

/// <summary>Every page renders on both databases, and components that are not pages never reach the
/// database. On PostgreSQL queries are truly asynchronous: a page that renders before its data has
/// loaded, or two components querying the request's one DbContext at once, fail there and not on SQLite.</summary>
public sealed class PageRenderingTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static readonly string[] DemoUsers = ["demo.clinician", "demo.nurse", "demo.quality", "demo.admin", "demo.patient", "demo.researcher"];

    /// <summary>Pages outside this test: setup needs a clinic without an administrator; a password reset needs a one-time
    /// link (PasswordTests and the Chromium reset test cover it; without a link it answers its "no longer works" 400); so does
    /// accepting a portal invitation (PortalAccessTests and the Chromium phone test); marking a care-plan activity done needs an
    /// occurrence of the patient's plan (Today links it with its day and time; CarePlanTests and the Chromium tests open it).</summary>
    private static readonly HashSet<string> NotWalked = new(StringComparer.Ordinal)
    {
        "/jurisdictions/proposals/{ProposalId:long}", // needs a pending proposal; RegistryGovernancePageTests opens one
        "/setup", "/account/reset-password", "/portal/accept", "/my/activities/{ActivityId:guid}",
    };

    private static IEnumerable<Type> Components() =>
        typeof(SpeciosaDbContext).Assembly.GetTypes().Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract);

    private static IEnumerable<string> Routes() =>
        Components().SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template).Where(r => !NotWalked.Contains(r)).Distinct();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Every_page_opens_for_the_demo_users_without_a_server_error(Database database)
    {
        var server = await servers.On(database);
        var ids = await server.QueryAsync(async db => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{PatientId:guid}"] = (await db.Patients.Where(p => p.FamilyName == "Sampleton (demo)").Select(p => p.Id).SingleAsync()).ToString(),
            ["{Id:guid}"] = "",
            ["{ProductId:guid}"] = (await db.Products.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync()).ToString(),
            ["{LotId:guid}"] = (await db.Lots.Where(l => l.LotCode == Speciosa.Web.Demo.DemoProducts.PassingLot).Select(l => l.Id).SingleAsync()).ToString(),
            ["{Id}"] = await db.Jurisdictions.OrderBy(j => j.Id).Select(j => j.Id).FirstAsync(),
            ["{InstrumentId}"] = "cows",
            ["{Questionnaire}"] = "phq-9",
        });
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var user in DemoUsers)
        {
            clients[user] = await server.SignedInClientAsync(user);
        }

        var failures = new List<string>();
        var walked = 0;
        foreach (var template in Routes())
        {
            foreach (var path in Paths(template, ids))
            {
                walked++;
                var opened = false;
                foreach (var (user, client) in clients)
                {
                    using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    HttpResponseMessage response;
                    try
                    {
                        response = await client.GetAsync(path, patience.Token);
                    }
                    catch (TaskCanceledException)
                    {
                        failures.Add($"{path} as {user}: no answer within 30 s{Environment.NewLine}{server.Errors.Drain()}");
                        continue;
                    }

                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{path} as {user}: {(int)response.StatusCode}{Environment.NewLine}{server.Errors.Drain()}");
                    }

                    opened |= response.StatusCode == (path == "/account/denied" ? HttpStatusCode.Forbidden : HttpStatusCode.OK);
                }

                if (!opened)
                {
                    failures.Add($"{path}: no demo user could open it");
                }
            }
        }

        Assert.True(walked >= 30, $"Only {walked} pages were walked; the route list looks wrong.");
        Assert.True(failures.Count == 0, $"{failures.Count} page(s) failed:{Environment.NewLine}{string.Join(Environment.NewLine + Environment.NewLine, failures)}");
    }

    /// <summary>The paths to open for a route template: every route value filled from the demo clinic
    /// (a product page and a lot page for the two <c>{Id:guid}</c> routes).</summary>
    private static IEnumerable<string> Paths(string template, Dictionary<string, string> ids)
    {
        var path = "/" + template.TrimStart('/');
        if (path.Contains("{Id:guid}", StringComparison.Ordinal))
        {
            var id = path.StartsWith("/lots/", StringComparison.Ordinal) ? ids["{LotId:guid}"] : ids["{ProductId:guid}"];
            path = path.Replace("{Id:guid}", id, StringComparison.Ordinal);
        }

        foreach (var (key, value) in ids)
        {
            path = path.Replace(key, value, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{", path, StringComparison.Ordinal);
        yield return path;
    }

    [Fact]
    public async Task Components_that_are_not_pages_take_their_data_as_parameters_and_never_reach_the_database()
    {
        var server = await servers.On(Database.Sqlite);
        await using var scope = server.Services.CreateAsyncScope();
        var offenders = new List<string>();
        foreach (var component in Components().Where(t => !t.GetCustomAttributes<RouteAttribute>().Any()))
        {
            foreach (var property in component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                         .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null))
            {
                if (ReachesDatabase(scope.ServiceProvider, property.PropertyType, []))
                {
                    offenders.Add($"{component.Name} injects {property.PropertyType.Name}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Load the data in the page and pass it in: " + string.Join("; ", offenders));
    }

    /// <summary>Whether a service is, or is built from, the DbContext (following constructors of the app's
    /// own services; interfaces are followed to what the container resolves them to).</summary>
    private static bool ReachesDatabase(IServiceProvider services, Type type, HashSet<Type> seen)
    {
        if (typeof(DbContext).IsAssignableFrom(type))
        {
            return true;
        }

        if (!seen.Add(type))
        {
            return false;
        }

        var implementation = type.IsInterface || type.IsAbstract ? services.GetService(type)?.GetType() : type;
        if (implementation is null || implementation.Assembly != typeof(SpeciosaDbContext).Assembly)
        {
            return false;
        }

        return implementation.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => ReachesDatabase(services, p.ParameterType, seen));
    }
}
