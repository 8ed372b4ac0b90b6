using System.Security.Claims;
using Speciosa.Clinical.Alerts;
using Speciosa.Web.Components.Home;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Alerts;

/// <summary>Home counts of the alert worklist (issue 15 item 1): a count is the worklist's own total under a filter, and it links
/// to the worklist under that filter, so the number is the number of alerts the list shows. Features use it for alerts that say
/// a test or a check is due (their rule ids from their core).</summary>
public sealed class AlertHomeCounts(AlertWorklist worklist)
{
    /// <summary>Cards of the worklist: each stands for as many alerts as its <c>data-rows</c> (alike alerts share a card).</summary>
    public const string RowSelector = "article.alert-card";

    public async Task<HomeCount> CountAsync(ClaimsPrincipal user, string label, AlertFilter filter, string rule, string? tone, CancellationToken ct)
    {
        var page = await worklist.ListAsync(user, filter, HomeRows.CountOnly, ct);
        return new HomeCount(label, page.Total, Link(filter), rule, RowSelector, tone);
    }

    /// <summary>The worklist's address under <paramref name="filter"/>.</summary>
    public static string Link(AlertFilter filter)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("severity", filter.Severity);
        Add("status", filter.Status);
        Add("rule", filter.Rule);
        return "/alerts" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }
}

/// <summary>The clinician's and nurse's board: open alerts of the clinic by severity, Critical first, each in its colour and its
/// word (the worklist's "open": not acknowledged, not snoozed until later).</summary>
public sealed class OpenAlertsHomeTile(AlertHomeCounts counts) : IHomeTile
{
    public int Order => 10;

    public IReadOnlyList<string> Roles { get; } = [SpeciosaRoles.Clinician, SpeciosaRoles.Nurse];

    public async Task<HomeTile?> LoadAsync(HomeContext context, CancellationToken ct)
    {
        var rows = new List<HomeCount>();
        foreach (var severity in Enum.GetValues<AlertSeverity>().OrderDescending())
        {
            var name = severity.ToString();
            rows.Add(await counts.CountAsync(context.User, name, new AlertFilter(Severity: name, Status: AlertStatus.Open),
                $"{name} alerts of your clinic that are open: not yet acknowledged, and not snoozed until later.", name.ToLowerInvariant(), ct));
        }

        return new HomeTile("open-alerts", "Open alerts", rows, "Most severe first. Acknowledged and snoozed alerts are on the worklist under their status.");
    }
}
