using Microsoft.AspNetCore.Authorization;

namespace Speciosa.Web.Identity;

/// <summary>Named authorization policies. The fallback policy requires a signed-in user everywhere;
/// endpoints open to anonymous callers say so explicitly.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    /// <summary>Care staff who enrol and follow patients: Admin, Clinician, Nurse.</summary>
    public const string Clinical = "Clinical";
    /// <summary>Care staff, or a patient for their own record (each handler narrows to what the caller may see).</summary>
    public const string PatientRecords = "PatientRecords";
    /// <summary>Quality staff: product, lot, certificate, photo and release/recall writes.</summary>
    public const string Quality = "Quality";
    /// <summary>Clinicians only: regimen orders, amendments and taper calendars.</summary>
    public const string Clinician = "Clinician";
    /// <summary>Who records doses: Clinician and Nurse give them, a Patient reports their own.</summary>
    public const string DoseRecorders = "DoseRecorders";
    /// <summary>Who reads recall exposure lists: Clinician and Quality.</summary>
    public const string RecallTracing = "RecallTracing";
    /// <summary>Who reads the de-identified research extract and cohort counts: Researcher.</summary>
    public const string Research = "Research";

    public static void Configure(AuthorizationOptions o)
    {
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(SpeciosaRoles.Admin));
        o.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(
            SpeciosaRoles.Admin, SpeciosaRoles.Clinician, SpeciosaRoles.Nurse, SpeciosaRoles.Quality, SpeciosaRoles.Researcher));
        o.AddPolicy(Clinical, p => p.RequireAuthenticatedUser().RequireRole(
            SpeciosaRoles.Admin, SpeciosaRoles.Clinician, SpeciosaRoles.Nurse));
        o.AddPolicy(PatientRecords, p => p.RequireAuthenticatedUser().RequireRole(
            SpeciosaRoles.Admin, SpeciosaRoles.Clinician, SpeciosaRoles.Nurse, SpeciosaRoles.Patient));
        o.AddPolicy(Quality, p => p.RequireAuthenticatedUser().RequireRole(SpeciosaRoles.Quality));
        o.AddPolicy(Clinician, p => p.RequireAuthenticatedUser().RequireRole(SpeciosaRoles.Clinician));
        o.AddPolicy(DoseRecorders, p => p.RequireAuthenticatedUser().RequireRole(SpeciosaRoles.Clinician, SpeciosaRoles.Nurse, SpeciosaRoles.Patient));
        o.AddPolicy(Research, p => p.RequireAuthenticatedUser().RequireRole(SpeciosaRoles.Researcher));
        o.AddPolicy(RecallTracing, p => p.RequireAuthenticatedUser().RequireRole(SpeciosaRoles.Clinician, SpeciosaRoles.Quality));
    }
}
