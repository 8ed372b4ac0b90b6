using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Patients;

/// <summary>Enrols, edits, finds and lists patients; errors come back keyed by field, saying what is allowed.</summary>
public sealed partial class PatientRecords(
    SpeciosaDbContext db, TimeProvider clock, IEnumerable<IEnrolmentCheck> enrolmentChecks, IEnumerable<IPatientSavedHandler> savedHandlers,
    IEnumerable<IPatientListColumn> listColumns, Clinics.ClinicCalendar calendar)
{

    public Task<Patient?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default) =>
        db.Patients.VisibleTo(user).Include(p => p.CareTeam).FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The list's own sort keys: a key sorts ascending, "-" before it descending. The features' columns add theirs
    /// (<see cref="Columns"/>, <see cref="AllSortKeys"/>).</summary>
    public static readonly string[] SortKeys = ["name", "dateOfBirth", "openAlerts", "enrolled"];

    /// <summary>The features' columns (<see cref="IPatientListColumn"/>), in order.</summary>
    public IReadOnlyList<IPatientListColumn> Columns { get; } = listColumns.OrderBy(c => c.Order).ToList();

    /// <summary>Every sort key the list takes: its own, then its columns'.</summary>
    public IReadOnlyList<string> AllSortKeys => [.. SortKeys, .. Columns.Select(c => c.Key)];

    /// <summary><see cref="CheckSearch(PatientSearch, PageRequest, IReadOnlyList{string}?)"/> with the columns' sort keys.</summary>
    public Dictionary<string, string[]> Check(PatientSearch search, PageRequest paging) => CheckSearch(search, paging, AllSortKeys);

    public Task<ListPage<PatientSummary>> SearchAsync(ClaimsPrincipal user, string? name, string? status, PageRequest paging, CancellationToken ct = default) =>
        SearchAsync(user, new PatientSearch(name, status), paging, ct);

    /// <summary>Patients the user may see (their clinic only), by name (contains, case-insensitive), date of birth, record number
    /// (the start of the record id, at least 6 characters) and status, sorted by <see cref="SortKeys"/> (default name).</summary>
    public async Task<ListPage<PatientSummary>> SearchAsync(ClaimsPrincipal user, PatientSearch search, PageRequest paging, CancellationToken ct = default)
    {
        var query = db.Patients.AsNoTracking().VisibleTo(user);
        if (!string.IsNullOrWhiteSpace(search.Name))
        {
            var needle = search.Name.Trim().ToLowerInvariant();
            query = query.Where(p => p.SearchName.Contains(needle));
        }

        if (!string.IsNullOrEmpty(search.Status))
        {
            query = query.Where(p => p.Status == search.Status);
        }

        if (search.DateOfBirth is { } dob)
        {
            query = query.Where(p => p.DateOfBirth == dob);
        }

        if (!string.IsNullOrWhiteSpace(search.Record))
        {
            var prefix = RecordPrefix(search.Record)!;
            var ids = (await query.Select(p => p.Id).ToListAsync(ct)).Where(id => id.ToString("N").StartsWith(prefix, StringComparison.Ordinal)).ToList();
            query = query.Where(p => ids.Contains(p.Id));
        }

        var total = await query.CountAsync(ct);
        var alerts = db.Alerts;
        var context = await ListContextAsync(user, ct);
        var sort = search.Sort ?? "name";
        var descending = sort.StartsWith('-');
        var sorted = sort switch
        {
            "-name" => query.OrderByDescending(p => p.SearchName).ThenBy(p => p.Id),
            "dateOfBirth" => query.OrderBy(p => p.DateOfBirth).ThenBy(p => p.SearchName).ThenBy(p => p.Id),
            "-dateOfBirth" => query.OrderByDescending(p => p.DateOfBirth).ThenBy(p => p.SearchName).ThenBy(p => p.Id),
            "openAlerts" or "-openAlerts" => (descending
                    ? query.OrderByDescending(p => alerts.Count(a => a.PatientId == p.Id && a.Status != "resolved"))
                    : query.OrderBy(p => alerts.Count(a => a.PatientId == p.Id && a.Status != "resolved")))
                .ThenBy(p => p.SearchName).ThenBy(p => p.Id),
            "enrolled" => query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            "-enrolled" => query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id),
            _ when Columns.FirstOrDefault(c => c.Key == sort.TrimStart('-')) is { } column =>
                (await column.OrderAsync(context, ct)).Apply(query, descending).ThenBy(p => p.SearchName).ThenBy(p => p.Id),
            _ => query.OrderBy(p => p.SearchName).ThenBy(p => p.Id),
        };
        var rows = await sorted.Skip(paging.Skip).Take(paging.Size)
            .Select(p => new
            {
                p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Status,
                OpenAlerts = alerts.Count(a => a.PatientId == p.Id && a.Status != "resolved"),
            })
            .ToListAsync(ct);
        var pageIds = rows.Select(r => r.Id).ToList();
        var cells = new Dictionary<string, IReadOnlyDictionary<Guid, string>>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            cells[column.Key] = pageIds.Count == 0 ? new Dictionary<Guid, string>() : await column.ValuesAsync(pageIds, context, ct);
        }

        var items = rows.Select(r => new PatientSummary(r.Id, r.GivenName, r.FamilyName, r.DateOfBirth, r.Status, RecordNumber(r.Id), r.OpenAlerts,
            Columns.ToDictionary(c => c.Key, c => cells[c.Key].GetValueOrDefault(r.Id), StringComparer.Ordinal))).ToList();
        return paging.Of(items, total);
    }

    private async Task<PatientListContext> ListContextAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var zone = await calendar.ZoneAsync(user.ClinicIdOf(), ct);
        var now = clock.GetUtcNow();
        return new PatientListContext(user, zone, now, zone.Today(now));
    }

    /// <summary>The record number typed (hyphens and spaces ignored, lower case), or null when it is not 6 to 32 hex digits.</summary>
    public static string? RecordPrefix(string text)
    {
        var t = text.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
        return t.Length is >= 6 and <= 32 && t.All(char.IsAsciiHexDigit) ? t : null;
    }

    public static Dictionary<string, string[]> CheckPaging(string? status, PageRequest paging) => CheckSearch(new PatientSearch(null, status), paging);

    /// <summary>The search's problems by field; <paramref name="sortKeys"/> the keys allowed (<see cref="SortKeys"/> when null).</summary>
    public static Dictionary<string, string[]> CheckSearch(PatientSearch search, PageRequest paging, IReadOnlyList<string>? sortKeys = null)
    {
        var errors = paging.Check();
        var status = search.Status;
        if (!string.IsNullOrEmpty(status) && !PatientVocabulary.Statuses.Contains(status))
        {
            errors["status"] = [$"Allowed: {string.Join(", ", PatientVocabulary.Statuses)}."];
        }

        if (!string.IsNullOrWhiteSpace(search.Record) && RecordPrefix(search.Record) is null)
        {
            errors["record"] = ["A record number: at least the first 6 of its letters and digits (0-9, a-f), as shown in the list."];
        }

        var keys = sortKeys ?? SortKeys;
        if (search.Sort is { } sort && (!keys.Contains(sort.TrimStart('-')) || sort.StartsWith("--", StringComparison.Ordinal)))
        {
            errors["sort"] = [$"Allowed: {string.Join(", ", keys)}, each with '-' before it for descending."];
        }

        return errors;
    }

    /// <summary>Enrols after every <see cref="IEnrolmentCheck"/> (the law where the patient lives): a refusal stops it;
    /// a warning stops it unless confirmed, and the confirmation is recorded with the patient.</summary>
    public async Task<(Patient? Patient, Dictionary<string, string[]> Errors, EnrolmentObjection? Objection)> EnrolAsync(
        ClaimsPrincipal user, PatientRequest request, CancellationToken ct = default)
    {
        var clinicId = user.ClinicIdOf()!.Value;
        var errors = await ValidateAsync(clinicId, request, null, ct);
        if (errors.Count > 0)
        {
            return (null, errors, null);
        }

        if (!request.ConfirmDuplicate && await DuplicateObjectionAsync(clinicId, request, ct) is { } duplicate)
        {
            errors[DuplicateField] = [duplicate.ConfirmText];
            return (null, errors, duplicate);
        }

        var verdicts = new List<EnrolmentVerdict>();
        foreach (var check in enrolmentChecks)
        {
            var verdict = await check.CheckAsync(clinicId, request, ct);
            if (verdict.Objection is { } objection)
            {
                if (!objection.Refused)
                {
                    errors[objection.ConfirmField] = [objection.ConfirmText];
                }

                return (null, errors, objection);
            }

            verdicts.Add(verdict);
        }

        var now = clock.GetUtcNow();
        var patient = new Patient
        {
            Id = Guid.NewGuid(), ClinicId = clinicId, GivenName = "", FamilyName = "", SearchName = "", Sex = "",
            CountryCode = "", Status = PatientVocabulary.Active, CreatedAt = now,
        };
        Apply(patient, request, now);
        db.Patients.Add(patient);
        foreach (var verdict in verdicts.Where(v => v.OnEnrolled is not null))
        {
            await verdict.OnEnrolled!(patient, user.UserId()!.Value);
        }

        // Pregnancy, breastfeeding or planned conception with a regimen alerts with the record that says so.
        await StageSavedAsync(patient, now, ct);
        await db.SaveChangesAsync(ct);
        return (patient, errors, null);
    }

    /// <summary>The field that confirms enrolling a second patient with the same name and date of birth.</summary>
    public const string DuplicateField = "confirmDuplicate";

    /// <summary>Patients of the clinic with the same given and family name (case and surrounding spaces ignored) and date of
    /// birth, whatever their status; as a warning to confirm, or null when there is none.</summary>
    private async Task<EnrolmentObjection?> DuplicateObjectionAsync(Guid clinicId, PatientRequest request, CancellationToken ct)
    {
        var searchName = Patient.SearchNameOf(request.GivenName!, request.FamilyName!);
        var dob = request.DateOfBirth!.Value;
        var same = (await db.Patients.AsNoTracking().Where(p => p.ClinicId == clinicId && p.SearchName == searchName && p.DateOfBirth == dob)
            .OrderBy(p => p.CreatedAt).Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Status }).ToListAsync(ct))
            .Select(p => new PatientSummary(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Status, RecordNumber(p.Id))).ToList();
        if (same.Count == 0)
        {
            return null;
        }

        var text = $"{same.Count} patient{(same.Count == 1 ? "" : "s")} with this name and date of birth {(same.Count == 1 ? "is" : "are")} already in this clinic. " +
            "Open the record to check it is not the same person; to enrol a different person, confirm and enrol again.";
        var problem = TypedResults.Problem(detail: text, statusCode: StatusCodes.Status409Conflict, title: "A patient with this name and date of birth exists.",
            type: ProblemTypes.PossibleDuplicate, extensions: new Dictionary<string, object?>
            {
                ["duplicates"] = same,
                ["errors"] = new Dictionary<string, string[]> { [DuplicateField] = ["Send confirmDuplicate: true to enrol a different person with the same name and date of birth."] },
            });
        Microsoft.AspNetCore.Components.RenderFragment list = b =>
        {
            b.OpenElement(0, "ul");
            foreach (var p in same)
            {
                b.OpenElement(1, "li");
                b.OpenElement(2, "a");
                b.AddAttribute(3, "href", $"/patients/{p.Id}");
                b.AddContent(4, $"{p.FamilyName}, {p.GivenName}");
                b.CloseElement();
                b.AddContent(5, $" — born {p.DateOfBirth:yyyy-MM-dd}, record {RecordNumber(p.Id)}, {p.Status}");
                b.CloseElement();
            }

            b.CloseElement();
        };
        return new EnrolmentObjection(false, DuplicateField, text, problem, list);
    }

    /// <summary>The record number people read and type: the first 8 characters of the record id.</summary>
    public static string RecordNumber(Guid id) => id.ToString("N")[..8];

    private async Task StageSavedAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var handler in savedHandlers)
        {
            await handler.PatientSavedAsync(patient, now, ct);
        }
    }

    /// <summary>Applies an edit; returns (patient, errors, conflict) where conflict means the stamp was stale (409).</summary>
    public async Task<(Patient? Patient, Dictionary<string, string[]> Errors, bool Conflict)> EditAsync(
        Patient patient, PatientRequest request, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(patient.ClinicId, request, patient.Id, ct);
        if (request.ConcurrencyStamp is null)
        {
            errors["concurrencyStamp"] = ["Send the concurrencyStamp you read, so a lost update is detected."];
        }

        if (errors.Count > 0)
        {
            return (null, errors, false);
        }

        if (request.ConcurrencyStamp != patient.ConcurrencyStamp)
        {
            return (null, errors, true);
        }

        db.Entry(patient).Property(p => p.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp!.Value;
        var now = clock.GetUtcNow();
        Apply(patient, request, now);
        await StageSavedAsync(patient, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, errors, true);
        }

        return (patient, errors, false);
    }

    private void Apply(Patient patient, PatientRequest r, DateTimeOffset now)
    {
        patient.GivenName = r.GivenName!.Trim();
        patient.FamilyName = r.FamilyName!.Trim();
        patient.SearchName = Patient.SearchNameOf(patient.GivenName, patient.FamilyName);
        patient.DateOfBirth = r.DateOfBirth!.Value;
        patient.Sex = r.Sex!;
        patient.Phone = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim();
        patient.Email = string.IsNullOrWhiteSpace(r.Email) ? null : r.Email.Trim();
        patient.CountryCode = r.CountryCode!.Trim().ToUpperInvariant();
        patient.SubdivisionCode = string.IsNullOrWhiteSpace(r.SubdivisionCode) ? null : r.SubdivisionCode.Trim().ToUpperInvariant();
        patient.Pregnant = r.Pregnant;
        patient.Breastfeeding = r.Breastfeeding;
        patient.PlanningConception = r.PlanningConception;
        patient.Status = string.IsNullOrEmpty(r.Status) ? patient.Status : r.Status;
        patient.PortalUserId = r.PortalUserId;
        patient.UpdatedAt = now;
        patient.ConcurrencyStamp = Guid.NewGuid();
        var team = (r.CareTeam ?? []).Distinct().ToList();
        patient.CareTeam.RemoveAll(m => !team.Contains(m.UserId));
        foreach (var userId in team.Where(u => patient.CareTeam.All(m => m.UserId != u)))
        {
            patient.CareTeam.Add(new CareTeamMember { PatientId = patient.Id, UserId = userId });
        }
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(Guid clinicId, PatientRequest r, Guid? patientId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.GivenName) || r.GivenName.Trim().Length > 100)
        {
            errors["givenName"] = ["A given name has 1 to 100 characters."];
        }

        if (string.IsNullOrWhiteSpace(r.FamilyName) || r.FamilyName.Trim().Length > 100)
        {
            errors["familyName"] = ["A family name has 1 to 100 characters."];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (r.DateOfBirth is not { } dob || dob > today || dob < today.AddYears(-120))
        {
            errors["dateOfBirth"] = [$"A date of birth (yyyy-mm-dd) from {today.AddYears(-120):yyyy-MM-dd} to today."];
        }

        if (r.Sex is null || !PatientVocabulary.Sexes.Contains(r.Sex))
        {
            errors["sex"] = [$"Allowed: {string.Join(", ", PatientVocabulary.Sexes)}."];
        }

        var country = r.CountryCode?.Trim().ToUpperInvariant() ?? "";
        if (!CountryPattern().IsMatch(country))
        {
            errors["countryCode"] = ["An ISO 3166-1 alpha-2 country code, two letters (e.g. US)."];
        }

        if (!string.IsNullOrWhiteSpace(r.SubdivisionCode))
        {
            var sub = r.SubdivisionCode.Trim().ToUpperInvariant();
            if (!SubdivisionPattern().IsMatch(sub) || !sub.StartsWith(country + "-", StringComparison.Ordinal))
            {
                errors["subdivisionCode"] = ["An ISO 3166-2 code of the chosen country: country, hyphen, 1 to 3 letters or digits (e.g. US-TN)."];
            }
        }

        if (r.Phone is { Length: > 40 })
        {
            errors["phone"] = ["At most 40 characters."];
        }

        if (r.Email is { Length: > 0 } email && (email.Length > 256 || !email.Contains('@', StringComparison.Ordinal)))
        {
            errors["email"] = ["An e-mail address of at most 256 characters."];
        }

        if (!string.IsNullOrEmpty(r.Status) && !PatientVocabulary.Statuses.Contains(r.Status))
        {
            errors["status"] = [$"Allowed: {string.Join(", ", PatientVocabulary.Statuses)}."];
        }

        var team = (r.CareTeam ?? []).Distinct().ToList();
        if (team.Count > 0)
        {
            var careRoles = new[] { SpeciosaRoles.Clinician, SpeciosaRoles.Nurse };
            var found = await db.Users.Where(u => team.Contains(u.Id) && u.ClinicId == clinicId && u.IsActive
                    && u.Roles.Any(x => careRoles.Contains(x.Role)))
                .Select(u => u.Id).ToListAsync(ct);
            if (found.Count != team.Count)
            {
                errors["careTeam"] = ["Every care-team member must be an active clinician or nurse of this clinic."];
            }
        }

        if (r.PortalUserId is { } portal)
        {
            var isPatientAccount = await db.Users.AnyAsync(u => u.Id == portal && u.ClinicId == clinicId
                && u.Roles.Any(x => x.Role == SpeciosaRoles.Patient), ct);
            var taken = await db.Patients.AnyAsync(p => p.PortalUserId == portal && p.Id != patientId, ct);
            if (!isPatientAccount || taken)
            {
                errors["portalUserId"] = ["A Patient-role account of this clinic not linked to another patient."];
            }
        }

        return errors;
    }

    public async Task<PatientView> ViewAsync(Patient p, CancellationToken ct = default)
    {
        var ids = p.CareTeam.Select(m => m.UserId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new PatientView(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, p.Phone, p.Email, p.CountryCode,
            p.SubdivisionCode, p.Pregnant, p.Breastfeeding, p.PlanningConception, p.Status,
            ids.Select(id => new CareTeamView(id, names.GetValueOrDefault(id, ""))).OrderBy(c => c.DisplayName, StringComparer.Ordinal).ToList(),
            p.PortalUserId, p.ConcurrencyStamp);
    }

    /// <summary>Active clinicians and nurses of a clinic, by name: the people who may be on a care team.</summary>
    public async Task<IReadOnlyList<CareTeamView>> CareStaffAsync(Guid clinicId, CancellationToken ct = default)
    {
        var roles = new[] { SpeciosaRoles.Clinician, SpeciosaRoles.Nurse };
        return (await db.Users.AsNoTracking().Where(u => u.ClinicId == clinicId && u.IsActive && u.Roles.Any(r => roles.Contains(r.Role)))
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).Select(u => new CareTeamView(u.Id, u.DisplayName)).ToList();
    }

    /// <summary>The time zone of the patient's clinic (UTC when the clinic's zone id is unknown to this machine), with its id.</summary>
    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,3}$")]
    private static partial Regex SubdivisionPattern();
}
