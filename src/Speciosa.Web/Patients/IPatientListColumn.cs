using System.Linq.Expressions;
using System.Security.Claims;
using Speciosa.Web.Clinics;

namespace Speciosa.Web.Patients;

/// <summary>A column of the patient list (issue 15 item 4) that a feature owns: the withdrawal episode's day and the last score
/// (Withdrawal), the next item due today (Rounds). The list shows every column in <see cref="Order"/> after its own; a column's
/// <see cref="Key"/> is a sort key of the page and of <c>GET /api/patients?sort=</c> ('-' first for descending). Sorting and paging
/// happen in the database: <see cref="OrderAsync"/> gives an ordering over the patients query that EF translates on SQLite and
/// PostgreSQL; <see cref="ValuesAsync"/> then reads the cells of the page's rows only.</summary>
public interface IPatientListColumn
{
    /// <summary>Lower first.</summary>
    int Order { get; }

    /// <summary>The sort key (camelCase, e.g. <c>lastScore</c>).</summary>
    string Key { get; }

    string Header { get; }

    /// <summary>The caption's words for each direction, e.g. ", highest last score first".</summary>
    string AscendingWords { get; }

    string DescendingWords { get; }

    /// <summary>The ordering, empty cells last in both directions (<see cref="PatientListOrder.NullsLast{TKey}"/>).</summary>
    Task<PatientListOrder> OrderAsync(PatientListContext context, CancellationToken ct);

    /// <summary>The cell of each patient of a page (a patient with nothing to show may be left out: the cell says "—").</summary>
    Task<IReadOnlyDictionary<Guid, string>> ValuesAsync(IReadOnlyList<Guid> patientIds, PatientListContext context, CancellationToken ct);
}

/// <summary>What every column may use: the reader, their clinic's zone, now and the clinic's day.</summary>
public sealed record PatientListContext(ClaimsPrincipal User, ClinicZone Zone, DateTimeOffset Now, DateOnly Today);

/// <summary>An ordering of the patients query, built from keys EF can translate; the list adds name and id after it so pages are
/// stable.</summary>
public sealed class PatientListOrder
{
    private readonly Func<IQueryable<Patient>, bool, IOrderedQueryable<Patient>> apply;

    private PatientListOrder(Func<IQueryable<Patient>, bool, IOrderedQueryable<Patient>> apply) => this.apply = apply;

    /// <summary>By <paramref name="key"/>, patients without a value last whichever the direction. <paramref name="inverted"/>: the
    /// ascending list is the key's descending order (e.g. the newest episode start is the lowest episode day).</summary>
    public static PatientListOrder NullsLast<TKey>(Expression<Func<Patient, TKey?>> key, bool inverted = false) where TKey : struct
    {
        var isNull = Expression.Lambda<Func<Patient, bool>>(Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey?))), key.Parameters);
        return new((patients, descending) =>
        {
            var ordered = patients.OrderBy(isNull);
            return descending != inverted ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
        });
    }

    /// <summary>Then by <paramref name="key"/> in the list's direction.</summary>
    public PatientListOrder ThenBy<TKey>(Expression<Func<Patient, TKey>> key) => new((patients, descending) =>
    {
        var ordered = apply(patients, descending);
        return descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
    });

    public IOrderedQueryable<Patient> Apply(IQueryable<Patient> patients, bool descending) => apply(patients, descending);
}
