using System.Security.Claims;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Patients;

/// <summary>Who may see which patient: care staff (Admin, Clinician, Nurse) see their clinic's patients; a
/// Patient-role user sees only the record linked to their portal account. Everything else is "not found".</summary>
public static class PatientAccess
{
    public static bool IsCareStaff(this ClaimsPrincipal user) =>
        user.IsInRole(SpeciosaRoles.Admin) || user.IsInRole(SpeciosaRoles.Clinician) || user.IsInRole(SpeciosaRoles.Nurse);

    /// <summary>The patients this user may see, as a query filter.</summary>
    public static IQueryable<Patient> VisibleTo(this IQueryable<Patient> patients, ClaimsPrincipal user)
    {
        var clinicId = user.ClinicIdOf() ?? Guid.Empty;
        if (user.IsCareStaff())
        {
            return patients.Where(p => p.ClinicId == clinicId);
        }

        if (user.IsInRole(SpeciosaRoles.Patient) && user.UserId() is { } userId)
        {
            return patients.Where(p => p.ClinicId == clinicId && p.PortalUserId == userId);
        }

        return patients.Where(p => false);
    }
}
