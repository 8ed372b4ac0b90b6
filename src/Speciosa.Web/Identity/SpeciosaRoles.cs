namespace Speciosa.Web.Identity;

public static class SpeciosaRoles
{
    public const string Admin = "Admin";
    public const string Clinician = "Clinician";
    public const string Nurse = "Nurse";
    public const string Quality = "Quality";
    public const string Researcher = "Researcher";
    public const string Patient = "Patient";

    public static readonly IReadOnlyList<string> All = [Admin, Clinician, Nurse, Quality, Researcher, Patient];

    /// <summary>Canonical spelling of a role name, or null when it is not one of ours.</summary>
    public static string? Canonical(string role) =>
        All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}
