using Speciosa.Web.Clinics;
using Speciosa.Web.Patients;
using Speciosa.Web.Portal.Pages;

namespace Speciosa.Web.Portal;

/// <summary>Portal access and consent on the overview (care staff only), first among the sections.</summary>
public sealed class PortalOverviewSection(PortalAccess portal) : IPatientOverviewSection
{
    public int Order => 5;

    public async Task<OverviewSection?> LoadAsync(PatientOverviewContext context, CancellationToken ct)
    {
        if (!context.Staff)
        {
            return null;
        }

        var status = await portal.StatusAsync(context.Patient, ct);
        return new(typeof(PortalSection), new Dictionary<string, object?>
        {
            [nameof(PortalSection.PatientId)] = context.Patient.Id,
            [nameof(PortalSection.Status)] = status,
            [nameof(PortalSection.Zone)] = new ClinicZone(context.Zone, context.ZoneId),
        });
    }
}
