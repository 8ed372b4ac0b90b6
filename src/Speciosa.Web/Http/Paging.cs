namespace Speciosa.Web.Http;

/// <summary>The one page shape of every list: the items, which page, its size, and how many there are in all.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>The one paging request: <c>?page</c> from 1 and <c>?pageSize</c> from 1 to <see cref="MaxPageSize"/>, bound
/// with <c>[AsParameters]</c>, checked once (<see cref="Check"/>), each list choosing only its default size.</summary>
public sealed record PageRequest(int? Page = null, int? PageSize = null)
{
    public const int MaxPageSize = 100;

    /// <summary>The request with the list's default size where the caller sent none.</summary>
    public PageRequest OrSize(int defaultSize) => this with { Page = Page ?? 1, PageSize = PageSize ?? defaultSize };

    /// <summary>Every row at once, for an export of the list (never from a request: a caller cannot ask for it).</summary>
    public static PageRequest All { get; } = new(1, int.MaxValue);

    public int Number => Page ?? 1;

    public int Size => PageSize ?? 25;

    public int Skip => (Number - 1) * Size;

    /// <summary>Adds a problem for each value outside what is allowed, in the same words for every list.</summary>
    public Dictionary<string, string[]> Check(Dictionary<string, string[]>? errors = null)
    {
        errors ??= [];
        if (Page is < 1)
        {
            errors["page"] = ["Pages count from 1."];
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize is 1 to {MaxPageSize}."];
        }

        return errors;
    }

    public ListPage<T> Of<T>(IReadOnlyList<T> items, int total) => new(items, Number, Size, total);
}
