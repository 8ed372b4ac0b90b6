using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Regimens;

/// <summary>The outcome of checking one dose: the limits of its day, the day's totals including this dose, and
/// one explained alert per departure from the order.</summary>
public sealed record DoseCheckResult(
    DoseRecord Dose,
    DayLimits Limits,
    decimal DayGramsIncludingThisDose,
    int DayAdministrationsIncludingThisDose,
    IReadOnlyList<Alert> Alerts)
{
    public bool DepartsFromOrder => Alerts.Count > 0;

    public DoseDisposition Disposition => !DepartsFromOrder
        ? DoseDisposition.Accept
        : Dose.Source == DoseSource.StaffGiven ? DoseDisposition.Refuse : DoseDisposition.StoreAndAlert;

    /// <summary>The reasons in words, for a 409 problem's detail or the alert list.</summary>
    public IReadOnlyList<string> Reasons => Alerts.Select(a => a.Message).ToList();
}
