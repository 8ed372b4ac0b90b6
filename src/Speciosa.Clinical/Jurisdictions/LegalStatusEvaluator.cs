using System.Globalization;
using System.Text;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>Finds the legal status that applies to a location on a day. The most specific level with an
/// entry in force wins (locality over subdivision over country); at one place the latest entry whose
/// effective date is on or before today applies, and a later one is reported as announced.</summary>
public static class LegalStatusEvaluator
{
    /// <summary>Default age, in days, after which an entry's last verification is called stale.</summary>
    public const int DefaultStaleAfterDays = 180;

    private static readonly JurisdictionLevel[] MostSpecificFirst =
        [JurisdictionLevel.Locality, JurisdictionLevel.Subdivision, JurisdictionLevel.Country];

    public static ApplicableLegalStatus Evaluate(
        IEnumerable<JurisdictionEntry> entries,
        PatientLocation location,
        DateOnly today,
        int staleAfterDays = DefaultStaleAfterDays)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentOutOfRangeException.ThrowIfNegative(staleAfterDays);

        var covering = entries.Where(e => e.Covers(location)).ToList();
        var why = new StringBuilder();
        JurisdictionEntry? inForce = null;
        JurisdictionEntry? lapsed = null;

        foreach (var level in MostSpecificFirst)
        {
            var latestBegun = covering
                .Where(e => e.Level == level && e.Effective.HasBegunBy(today))
                .OrderBy(e => e.Effective.SortKey)
                .ThenBy(e => e.Id, StringComparer.Ordinal)
                .LastOrDefault();
            if (latestBegun is null)
            {
                continue;
            }

            if (latestBegun.IsInForceOn(today))
            {
                inForce = latestBegun;
                break;
            }

            // A temporary rule that ended does not revive what it replaced: fall back to a broader level.
            lapsed ??= latestBegun;
            why.Append(CultureInfo.InvariantCulture, $"{latestBegun.Place} entry '{latestBegun.Id}' ({latestBegun.Status}) ended on {Day(latestBegun.EndsOn!.Value)}. ");
        }

        var announced = covering
            .Where(e => (inForce is null || e.Level >= inForce.Level) && !e.Effective.HasBegunBy(today))
            .OrderBy(e => e.Effective.SortKey)
            .ThenByDescending(e => e.Level)
            .FirstOrDefault();

        if (inForce is null)
        {
            why.Insert(0, $"No registry entry in force for {location} on {Day(today)}. ");
            AppendAnnounced(why, announced);
            return new ApplicableLegalStatus(LegalStatus.Unknown, null, false, null, announced, lapsed, why.ToString().TrimEnd());
        }

        var days = today.DayNumber - inForce.LastVerified.DayNumber;
        var stale = days > staleAfterDays;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{inForce.Status} at {LevelWord(inForce.Level)} level ({inForce.Place}): entry '{inForce.Id}', \"{inForce.StatusText}\", effective {inForce.Effective}");
        if (inForce.EndsOn is { } end)
        {
            text.Append(CultureInfo.InvariantCulture, $" until {Day(end)}");
        }

        text.Append(CultureInfo.InvariantCulture, $"; source {string.Join("; ", inForce.Sources.Select(s => s.Citation))}. ");
        text.Append(why);
        text.Append(inForce.Verified ? "Checked against the statute or rule text"
            : inForce.ConsistentSecondarySources ? "Secondary sources only (consistent; not checked against the statute or rule text)"
            : "UNVERIFIED: secondary sources that do not confirm every part of it");
        text.Append(CultureInfo.InvariantCulture, $"; last checked {Day(inForce.LastVerified)}, {days} days ago");
        text.Append(stale ? $", older than {staleAfterDays} days: stale. " : ". ");
        AppendAnnounced(text, announced);
        return new ApplicableLegalStatus(inForce.Status, inForce, stale, days, announced, lapsed, text.ToString().TrimEnd());
    }

    private static void AppendAnnounced(StringBuilder text, JurisdictionEntry? announced)
    {
        if (announced is not null)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"Announced, not yet applied: {announced.Status} at {announced.Place} from {announced.Effective} (entry '{announced.Id}').");
        }
    }

    private static string LevelWord(JurisdictionLevel level) => level switch
    {
        JurisdictionLevel.Locality => "locality",
        JurisdictionLevel.Subdivision => "subdivision",
        _ => "country",
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
