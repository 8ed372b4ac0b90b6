namespace Speciosa.Web.Patients;

/// <summary>A person enrolled at a clinic for supervised withdrawal. Never hard-deleted: status "withdrawn"
/// ends care; <see cref="ConcurrencyStamp"/> makes a lost update a 409.</summary>
public sealed class Patient
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }

    /// <summary>The portal account of this patient (role Patient), when they have one.</summary>
    public Guid? PortalUserId { get; set; }

    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }

    /// <summary>"family given" in lower case, so name search is case-insensitive on both providers.</summary>
    public required string SearchName { get; set; }

    public DateOnly DateOfBirth { get; set; }

    /// <summary>Sex recorded at enrolment: female, male, intersex or unknown (<see cref="PatientVocabulary.Sexes"/>).</summary>
    public required string Sex { get; set; }

    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code, e.g. "US".</summary>
    public required string CountryCode { get; set; }

    /// <summary>ISO 3166-2 subdivision code, e.g. "US-TN"; null when not known.</summary>
    public string? SubdivisionCode { get; set; }

    public bool Pregnant { get; set; }
    public bool Breastfeeding { get; set; }
    public bool PlanningConception { get; set; }

    /// <summary>active, completed or withdrawn (<see cref="PatientVocabulary.Statuses"/>).</summary>
    public required string Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid ConcurrencyStamp { get; set; }

    public List<CareTeamMember> CareTeam { get; set; } = [];

    public string DisplayName => $"{GivenName} {FamilyName}";

    public static string SearchNameOf(string givenName, string familyName) =>
        $"{familyName.Trim()} {givenName.Trim()}".ToLowerInvariant();
}

/// <summary>A clinician or nurse of the patient's clinic on the patient's care team.</summary>
public sealed class CareTeamMember
{
    public Guid PatientId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>Allowed values of the patient record's coded fields.</summary>
public static class PatientVocabulary
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<string> Statuses = [Active, Completed, Withdrawn];
    public static readonly IReadOnlyList<string> Sexes = ["female", "male", "intersex", "unknown"];
    public static readonly IReadOnlyList<string> Routes = ["oral", "sublingual", "intranasal", "smoked", "intravenous", "transdermal", "other"];
}
