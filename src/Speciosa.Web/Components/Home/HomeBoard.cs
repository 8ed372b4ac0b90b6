using System.Security.Claims;
using Speciosa.Web.Clinics;
using Speciosa.Web.Http;

namespace Speciosa.Web.Components.Home;

/// <summary>A tile of a role's home page (issue 15 item 1): a feature's counts, each a link to the list that shows exactly
/// those rows. A feature implements it and registers it (<c>services.AddScoped&lt;IHomeTile, …&gt;()</c>); the home page
/// (<c>Components/Pages/Home.razor</c>) loads, one after another on the request's context, every tile whose
/// <see cref="Roles"/> the user holds, and renders them in <see cref="Order"/>. A count and its list must come from one
/// query (the list's own, asked for its total), so they cannot disagree.</summary>
public interface IHomeTile
{
    /// <summary>Lower first.</summary>
    int Order { get; }

    /// <summary>The roles that see this tile (any one of them).</summary>
    IReadOnlyList<string> Roles { get; }

    /// <summary>The tile for this user, or null to show nothing.</summary>
    Task<HomeTile?> LoadAsync(HomeContext context, CancellationToken ct);
}

/// <summary>What every tile may use: the user (whose clinic scopes every count), the clinic's zone, its day and the time now.</summary>
public sealed record HomeContext(ClaimsPrincipal User, Guid ClinicId, ClinicZone Zone, DateOnly Today, DateTimeOffset Now);

/// <summary>A titled group of counts, with an optional line of plain words under them. Tiles of several features that share an
/// <see cref="Id"/> are shown as one (the first one's title), their counts in tile order.</summary>
public sealed record HomeTile(string Id, string Title, IReadOnlyList<HomeCount> Counts, string? Note = null);

/// <summary>One count: what it counts (<see cref="Label"/>), how many, the list that shows exactly those rows
/// (<see cref="Href"/>), the rule that decides what counts in words (<see cref="Rule"/>), and how the list marks one row
/// (<see cref="RowSelector"/>, a CSS selector; an element with <c>data-rows</c> stands for that many rows, e.g. a card of
/// alike alerts). <see cref="Tone"/> colours the count (critical, high, warning, info); the label always says it in words.
/// <see cref="Shown"/> replaces the number where the list itself shows a protected figure (the research cohort's small cells,
/// "&lt;11"); such a count links to its page and is not a row count.</summary>
public sealed record HomeCount(string Label, int Count, string Href, string Rule, string RowSelector, string? Tone = null, string? Shown = null);

/// <summary>One row of a plain list a count opens: a patient (or lot, or entry) linked to its page, and what makes it count.</summary>
public sealed record HomeRow(string Name, string Href, string Detail);

/// <summary>The marker every plain list of <see cref="HomeRow"/> puts on its rows (<see cref="HomeList"/>).</summary>
public static class HomeRows
{
    public const string Selector = "[data-row]";

    /// <summary>The page size of the plain lists.</summary>
    public const int PageSize = 25;

    /// <summary>The total of a list asked for one row: how a tile counts with the list's own query.</summary>
    public static PageRequest CountOnly { get; } = new(1, 1);
}

/// <summary>Tile ids several features share (their counts are shown as one tile).</summary>
public static class HomeTileIds
{
    /// <summary>Liver panels and other tests due or overdue.</summary>
    public const string TestsDue = "tests-due";
}

/// <summary>Lots: awaiting a certificate or release (Products) and recalls in progress (Regimens' recall tracing).</summary>
public static class HomeLotTile
{
    public const string Id = "lots";
    public const string Title = "Lots";
}
