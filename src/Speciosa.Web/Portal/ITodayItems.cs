using Speciosa.Web.Clinics;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Portal;

/// <summary>A seam of the patient's "Today" (issue 14 item 2): a feature that has something due for the patient on a clinic
/// day (CarePlans: the activities of the care plan) contributes lines, which <see cref="PortalToday"/> lists after its own
/// in <see cref="Order"/>. Each line carries a <see cref="TodayLine.Key"/> unique on the page, one link (the patient's own
/// page, record ids only) and whether it is done. Nothing here may show a rule, threshold or dose limit.</summary>
public interface ITodayItems
{
    /// <summary>Lower first.</summary>
    int Order { get; }

    Task<IReadOnlyList<TodayLine>> ForAsync(Patient patient, ClinicZone zone, DateOnly day, CancellationToken ct);
}
