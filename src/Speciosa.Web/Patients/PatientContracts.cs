using System.ComponentModel.DataAnnotations;
namespace Speciosa.Web.Patients;

/// <summary>Enrolment or edit of a patient record. On edit, <see cref="ConcurrencyStamp"/> must be the stamp read.
/// <see cref="ConfirmLegalWarning"/>: the clinician has read the legal warnings for the patient's location and
/// goes ahead (recorded); without it a warning stops enrolment. <see cref="ConfirmDuplicate"/>: the clinician has seen that a
/// patient with the same name and date of birth is already in the clinic and enrols a different person (enrolment only).</summary>
public sealed record PatientRequest(
    [MaxLength(100)] string? GivenName, [MaxLength(100)] string? FamilyName, [Http.ClinicalTime] DateOnly? DateOfBirth,
    [MaxLength(16)] string? Sex, [MaxLength(40)] string? Phone, [MaxLength(256)] string? Email,
    [MaxLength(2)] string? CountryCode, [MaxLength(6)] string? SubdivisionCode, bool Pregnant, bool Breastfeeding, bool PlanningConception,
    [MaxLength(16)] string? Status, IReadOnlyList<Guid>? CareTeam, Guid? PortalUserId, Guid? ConcurrencyStamp = null,
    bool ConfirmLegalWarning = false, bool ConfirmDuplicate = false) : Http.IWholeRecordRequest
{
    /// <summary>What a PUT must carry: every field of the record, so pregnancy, breastfeeding, the portal
    /// link and the care team are never cleared by omission. Only confirmLegalWarning may be left out.</summary>
    public static IReadOnlyList<string> EveryField { get; } =
    [
        "givenName", "familyName", "dateOfBirth", "sex", "phone", "email", "countryCode", "subdivisionCode",
        "pregnant", "breastfeeding", "planningConception", "status", "careTeam", "portalUserId", "concurrencyStamp",
    ];
}

public sealed record CareTeamView(Guid UserId, string DisplayName);

public sealed record PatientView(
    Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string Sex, string? Phone, string? Email,
    string CountryCode, string? SubdivisionCode, bool Pregnant, bool Breastfeeding, bool PlanningConception,
    string Status, IReadOnlyList<CareTeamView> CareTeam, Guid? PortalUserId, Guid ConcurrencyStamp);

/// <summary>A row of the patient list: <see cref="RecordNumber"/> is the first 8 characters of the record id (searchable);
/// <see cref="OpenAlerts"/> counts the patient's alerts not yet resolved.</summary>
/// <summary>A row of the patient list. <see cref="Columns"/>: the features' cells by sort key (<see cref="IPatientListColumn"/>:
/// episodeDay, lastScore, nextDue), null where there is nothing to show.</summary>
public sealed record PatientSummary(Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string Status, string RecordNumber = "", int OpenAlerts = 0,
    IReadOnlyDictionary<string, string?>? Columns = null);

/// <summary>What the patient list is searched by; every part optional.</summary>
public sealed record PatientSearch(string? Name, string? Status, DateOnly? DateOfBirth = null, string? Record = null, string? Sort = null);
