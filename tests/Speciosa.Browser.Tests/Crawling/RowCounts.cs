using System.Globalization;
using Speciosa.Testing;

namespace Speciosa.Browser.Tests.Crawling;

/// <summary>The rows of every table of the app's model (how many, and a hash of their values), read through the
/// server's own DbContext. AuditEntries and IdempotencyRecords are left out: every page view appends audit rows, and the first save
/// of a keyed form stores its key. So are SignInAttempts and Leases: a form that takes a password counts each attempt per
/// address (a re-sent one is rightly another attempt), and the safety sweep may take its period's lease meanwhile.</summary>
internal static class RowCounts
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "AuditEntries", "IdempotencyRecords", "SignInAttempts", "Leases" };

    /// <summary>Per table "rows:hash", the hash over every row's values, so an update shows as well as an insert (the one
    /// snapshot the fuzzer uses too).</summary>
    public static Task<IReadOnlyDictionary<string, string>> TakeAsync(SpeciosaServer server) => TableSnapshot.TakeAsync(server, Ignored);

    private static long Rows(string state) => long.Parse(state[..state.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture);

    /// <summary>The tables that have more rows in <paramref name="after"/> than in <paramref name="before"/>,
    /// e.g. "LotStateChanges 4 → 5".</summary>
    public static IReadOnlyList<string> Grown(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        after.Where(a => Rows(a.Value) > Rows(before[a.Key]))
            .Select(a => $"{a.Key} {Rows(before[a.Key])} → {Rows(a.Value)}")
            .ToList();

    /// <summary>Tables whose rows changed without their number growing (an update, a delete), e.g. "Users (rows changed)".</summary>
    public static IReadOnlyList<string> ChangedInPlace(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        after.Where(a => Rows(a.Value) <= Rows(before[a.Key]) && a.Value != before[a.Key])
            .Select(a => Rows(a.Value) == Rows(before[a.Key]) ? $"{a.Key} (rows updated)" : $"{a.Key} {Rows(before[a.Key])} → {Rows(a.Value)}")
            .ToList();

    public static bool Differ(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        after.Any(a => a.Value != before[a.Key]);

    public static IEnumerable<string> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. Grown(before, after), .. ChangedInPlace(before, after)];
}
