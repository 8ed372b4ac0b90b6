using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Regimens;

/// <summary>Checks a proposed (staff) or reported (patient) dose against the order and the other doses of its
/// clinic day. Every limit is inclusive: a dose exactly at a limit is within the order.
/// <paramref name="otherDosesThatDay"/> are the day's other logged doses, whatever their time and not including
/// this one; doses on other clinic days are ignored. <paramref name="lot"/> is null when the lot is unknown
/// (a patient report without one): no lot check is then possible.</summary>
public static class DoseCheck
{
    public static DoseCheckResult Evaluate(
        RegimenOrder order,
        DoseRecord dose,
        IReadOnlyList<DoseRecord> otherDosesThatDay,
        DoseLot? lot,
        TimeZoneInfo clinicZone,
        IReadOnlyList<ScoreReading>? scores = null,
        IReadOnlyList<TitrationDecision>? decisions = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(dose);
        ArgumentNullException.ThrowIfNull(otherDosesThatDay);
        ArgumentOutOfRangeException.ThrowIfNegative(dose.Grams);

        var day = ClinicDay.Of(dose.TakenAt, clinicZone);
        var limits = DayLimits.On(order, day, scores ?? [], clinicZone, decisions);
        var sameDay = otherDosesThatDay.Where(d => ClinicDay.Of(d.TakenAt, clinicZone) == day).ToList();
        var dayGrams = sameDay.Sum(d => d.Grams) + dose.Grams;
        var administrations = sameDay.Count + 1;

        var at = DosingText.Instant(dose.TakenAt);
        var dayText = DosingText.Day(day);
        var doseInput = new AlertInput("Dose", $"{DosingText.Grams(dose.Grams)} at {at} ({Who(dose.Source)})");
        var alerts = new List<Alert>();

        if (!order.Covers(day))
        {
            var dates = $"{DosingText.Day(order.StartDate)} to {(order.EndDate is { } end ? DosingText.Day(end) : "open")}";
            alerts.Add(new Alert(
                DosingAlertRules.OutsideRegimenDates,
                $"dosing:outside-regimen:{at}",
                $"Dose on {dayText} is outside the regimen ({dates}).",
                [doseInput, new AlertInput("Clinic day", dayText), new AlertInput("Regimen", dates)],
                $"dose day within {dates}"));
        }

        if (order.BreakOn(day) is { } pause)
        {
            alerts.Add(new Alert(
                DosingAlertRules.DuringPlannedBreak,
                $"dosing:planned-break:{at}",
                $"Dose on {dayText} falls in the planned break {pause}{(pause.Reason is { } r ? $" ({r})" : string.Empty)}.",
                [doseInput, new AlertInput("Clinic day", dayText), new AlertInput("Planned break", pause.ToString())],
                "no doses from the break's first to its last day"));
        }

        if (dose.Grams > limits.GramsPerAdministration)
        {
            alerts.Add(new Alert(
                DosingAlertRules.AbovePerDoseMaximum,
                $"dosing:per-dose-max:{at}",
                $"{DosingText.Grams(dose.Grams)} is above the {DosingText.Grams(limits.GramsPerAdministration)} per administration set by {limits.GramsPerAdministrationBasis}.",
                [doseInput, new AlertInput("Grams per administration", $"{DosingText.Grams(limits.GramsPerAdministration)} ({limits.GramsPerAdministrationBasis})")],
                $"dose ≤ {DosingText.Grams(limits.GramsPerAdministration)}"));
        }

        if (dayGrams > limits.MaxGramsPerDay)
        {
            alerts.Add(new Alert(
                DosingAlertRules.AboveDailyMaximum,
                $"dosing:daily-max:{dayText}",
                $"{DosingText.Grams(dayGrams)} on {dayText} including this dose is above the {DosingText.Grams(limits.MaxGramsPerDay)} a day set by {limits.MaxGramsPerDayBasis}.",
                [doseInput, new AlertInput("Earlier that day", $"{DosingText.Grams(dayGrams - dose.Grams)} in {sameDay.Count} doses"), new AlertInput("Maximum a day", $"{DosingText.Grams(limits.MaxGramsPerDay)} ({limits.MaxGramsPerDayBasis})")],
                $"day total ≤ {DosingText.Grams(limits.MaxGramsPerDay)}"));
        }

        if (administrations > limits.MaxAdministrations)
        {
            alerts.Add(new Alert(
                DosingAlertRules.TooManyAdministrations,
                $"dosing:administrations:{dayText}",
                $"This is administration {administrations} on {dayText}; the order allows {limits.MaxAdministrations} a day.",
                [doseInput, new AlertInput("Administrations that day including this one", administrations.ToString(System.Globalization.CultureInfo.InvariantCulture)), new AlertInput("Maximum administrations a day", limits.MaxAdministrations.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                $"administrations ≤ {limits.MaxAdministrations} a day"));
        }

        if (lot is not null)
        {
            AddLotAlerts(order, lot, at, doseInput, alerts);
        }

        return new DoseCheckResult(dose, limits, dayGrams, administrations, alerts);
    }

    private static void AddLotAlerts(RegimenOrder order, DoseLot lot, string at, AlertInput doseInput, List<Alert> alerts)
    {
        var lotInput = new AlertInput("Lot", $"{lot.LotId} ({lot.Status})");
        if (lot.Status == LotStatus.Recalled)
        {
            alerts.Add(new Alert(
                DosingAlertRules.LotRecalled,
                $"dosing:lot-recalled:{lot.LotId}:{at}",
                $"Lot {lot.LotId} is recalled.",
                [doseInput, lotInput],
                "lot released and not recalled"));
        }
        else if (lot.Status != LotStatus.Released)
        {
            alerts.Add(new Alert(
                DosingAlertRules.LotNotReleased,
                $"dosing:lot-not-released:{lot.LotId}:{at}",
                $"Lot {lot.LotId} is not released.",
                [doseInput, lotInput],
                "lot released"));
        }

        if (order.OrderedLotId is { } ordered && !string.Equals(ordered, lot.LotId, StringComparison.Ordinal))
        {
            alerts.Add(new Alert(
                DosingAlertRules.LotNotOrdered,
                $"dosing:lot-not-ordered:{lot.LotId}:{at}",
                $"Lot {lot.LotId} is not the ordered lot {ordered}.",
                [doseInput, lotInput, new AlertInput("Ordered lot", ordered)],
                $"lot {ordered}"));
        }
    }

    private static string Who(DoseSource source) => source == DoseSource.StaffGiven ? "given by staff" : "reported by the patient";
}
