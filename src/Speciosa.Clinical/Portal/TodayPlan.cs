namespace Speciosa.Clinical.Portal;

/// <summary>What a patient's "Today" page lists (issue 14 item 2).</summary>
public enum TodayKind
{
    /// <summary>The daily withdrawal-symptom check-in (SOWS).</summary>
    CheckIn,

    /// <summary>The craving scale.</summary>
    Craving,

    /// <summary>Reporting the doses taken today; listed only while a regimen is active.</summary>
    Doses,

    /// <summary>A care-plan activity due today (contributed through the web's ITodayItems seam).</summary>
    Activity,

    /// <summary>An appointment today (contributed by Appointments through the same seam).</summary>
    Appointment,
}

/// <summary>One line of "Today": done once the patient has reported it today (<see cref="Count"/> reports so far).</summary>
public sealed record TodayItem(TodayKind Kind, bool Done, int Count);

/// <summary>What is due today from what the patient reported on this clinic day. The check-in and craving are due once a
/// day; doses are listed while a regimen is active and say how many were reported (more may follow: a patient reports
/// every dose). Nothing here unlocks or changes a dose.</summary>
public static class TodayPlan
{
    public static IReadOnlyList<TodayItem> Build(int checkInsToday, int cravingsToday, int dosesReportedToday, bool regimenActiveToday)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(checkInsToday);
        ArgumentOutOfRangeException.ThrowIfNegative(cravingsToday);
        ArgumentOutOfRangeException.ThrowIfNegative(dosesReportedToday);
        var items = new List<TodayItem>
        {
            new(TodayKind.CheckIn, checkInsToday > 0, checkInsToday),
            new(TodayKind.Craving, cravingsToday > 0, cravingsToday),
        };
        if (regimenActiveToday)
        {
            items.Add(new TodayItem(TodayKind.Doses, dosesReportedToday > 0, dosesReportedToday));
        }

        return items;
    }
}
