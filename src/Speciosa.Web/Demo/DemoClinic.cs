using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.CarePlans;
using Speciosa.Web.Appointments;
using Speciosa.Web.CarePlans;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;
using Speciosa.Web.Portal;
using Speciosa.Web.Products;

namespace Speciosa.Web.Demo;

/// <summary>Configuration section <c>Demo</c>. <c>--demo</c> on the command line sets Enabled.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public bool Enabled { get; set; }
    /// <summary>Password for every demo account. Empty: a random one is generated and printed once.</summary>
    public string? Password { get; set; }
}

/// <summary>Seeds a demo clinic of made-up people, once, and prints its sign-ins to the console that
/// one time. Nothing here is a real person.</summary>
public sealed class DemoClinic(SpeciosaDbContext db, UserAdministration admin, TimeProvider clock, TwoFactor twoFactor, KeyRingKey keyRingKey,
    IServiceProvider services, CarePlanRecords carePlans)
{
    public const string ClinicName = "Riverside Demo Clinic";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role)> Accounts =
    [
        ("demo.admin", "Alex Admin (demo)", SpeciosaRoles.Admin),
        ("demo.clinician", "Dr Casey Clinician (demo)", SpeciosaRoles.Clinician),
        ("demo.nurse", "Noor Nurse (demo)", SpeciosaRoles.Nurse),
        ("demo.quality", "Quinn Quality (demo)", SpeciosaRoles.Quality),
        ("demo.researcher", "Riley Researcher (demo)", SpeciosaRoles.Researcher),
        ("demo.patient", "Pat Patient (demo)", SpeciosaRoles.Patient),
        // A second administrator: a registry change that refuses supply needs one other than its proposer (issue 15 item 8).
        ("demo.admin2", "Sam Second Admin (demo)", SpeciosaRoles.Admin),
    ];

    /// <summary>Returns the printed sign-in lines when it seeded now, or null when the demo clinic existed.</summary>
    public async Task<IReadOnlyList<string>?> SeedAsync(DemoOptions options, CancellationToken ct = default)
    {
        if (await db.Clinics.AnyAsync(c => c.IsDemo, ct))
        {
            return null;
        }

        var password = string.IsNullOrEmpty(options.Password) ? GeneratePassword() : options.Password;
        var clinic = new Clinic { Id = Guid.NewGuid(), Name = ClinicName, TimeZone = "America/New_York", IsDemo = true, CreatedAt = clock.GetUtcNow() };
        db.Clinics.Add(clinic);
        await db.SaveChangesAsync(ct);

        var lines = new List<string>();
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (userName, displayName, role) in Accounts)
        {
            var (user, errors) = await admin.CreateAsync(clinic.Id, new NewUser(userName, displayName, null, password, [role]), null, "demo-seed");
            if (user is null)
            {
                throw new InvalidOperationException($"Demo account {userName} could not be created: {string.Join("; ", errors.SelectMany(e => e.Value))}");
            }

            lines.Add($"  {role,-11} {userName,-16} {password}");
            ids[userName] = user.Id;
        }

        // The demo requires a second factor for Admin (Security:RequireTwoFactorForRoles defaults to Admin in a demo), so
        // demo.admin starts with one: a secret derived from the demo's key-ring key (its data folder), never a fixed one.
        var adminSecret = AdminTotpSecret(keyRingKey);
        await twoFactor.SeedAsync(ids["demo.admin"], adminSecret);
        lines.Add($"  demo.admin's second factor (TOTP, 6 digits, 30 s): add this secret to an authenticator app: {TotpCodes.Grouped(TotpCodes.ToBase32(adminSecret))}");
        var secondAdminSecret = TotpSecretFor(keyRingKey, "demo.admin2");
        await twoFactor.SeedAsync(ids["demo.admin2"], secondAdminSecret);
        lines.Add($"  demo.admin2's second factor (TOTP, 6 digits, 30 s): add this secret to an authenticator app: {TotpCodes.Grouped(TotpCodes.ToBase32(secondAdminSecret))}");

        await DemoPatients.SeedAsync(db, clinic.Id, ids["demo.clinician"], ids["demo.nurse"], ids["demo.patient"], clock.GetUtcNow(), ct);
        // demo.patient has accepted the current portal consent, so the demo's patient lands on "Today" (issue 14).
        var portalPatient = await db.Patients.Where(p => p.PortalUserId == ids["demo.patient"]).Select(p => p.Id).FirstAsync(ct);
        db.PortalConsents.Add(new PortalConsent
        {
            Id = Guid.NewGuid(), PatientId = portalPatient, UserId = ids["demo.patient"], Version = Speciosa.Clinical.Portal.ConsentText.Current.Version,
            AcceptedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await DemoProducts.SeedAsync(db, clinic.Id, ids["demo.quality"], clock.GetUtcNow(), ct);
        await DemoRegimens.SeedAsync(db, clinic.Id, ids["demo.clinician"], ids["demo.nurse"], clock.GetUtcNow(), ct);
        // Liver results, an adverse event and a PHQ-9 through the app's own services (the FHIR export's second validator sees them).
        await DemoRecords.SeedAsync(services, clinic.Id, ids["demo.clinician"], clock.GetUtcNow(), ct);
        await SeedCarePlanAsync(clinic, portalPatient, ids["demo.clinician"], ct);
        SeedAppointment(clinic, portalPatient, ids["demo.nurse"]);
        await db.SaveChangesAsync(ct);

        return lines;
    }

    /// <summary>demo.patient's care plan, made through the CarePlans feature's own service like a clinician's (issue 14), so a
    /// fresh demo's Today lists activities: a short walk and a few quiet minutes every day, and a weekly counselling session.
    /// A plan is in force from when it is saved, so one saved late in the evening has nothing left today; the demo's plan, "agreed at
    /// enrolment", is dated from the start of the clinic's day instead, so a demo made at any hour lists the whole day's activities.</summary>
    private async Task SeedCarePlanAsync(Clinic clinic, Guid patientId, Guid clinicianId, CancellationToken ct)
    {
        string[] everyDay = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        var patient = await db.Patients.FirstAsync(p => p.Id == patientId, ct);
        var saved = await carePlans.SaveAsync(patient, new CarePlanRequest(
        [
            new ActivityInput(null, "exercise", "Short walk", everyDay, ["17:30"], "Walk for 15 minutes at an easy pace", null),
            new ActivityInput(null, "mindfulness", "Quiet minutes", everyDay, ["08:00", "21:00"], "Ten minutes of slow breathing", null),
            new ActivityInput(null, "counselling", "Counselling at the clinic", ["Wednesday"], ["14:00"], "Talk through the week with your counsellor", null),
        ], "Plan agreed with the patient at enrolment (demo)", null), clinicianId, ct);
        if (!saved.Outcome.Succeeded)
        {
            throw new InvalidOperationException($"The demo care plan was refused: {saved.Outcome.Message}");
        }

        var zone = ClinicZone.Of(clinic.TimeZone);
        var startOfDay = CarePlanSchedule.InstantOf(zone.Today(clock.GetUtcNow()), TimeOnly.MinValue, zone.Zone).ToUniversalTime();
        var planIds = db.CarePlans.Where(p => p.PatientId == patientId).Select(p => p.Id);
        await db.CarePlanVersions.Where(v => planIds.Contains(v.CarePlanId)).ExecuteUpdateAsync(u => u.SetProperty(v => v.ChangedAt, startOfDay), ct);
    }

    /// <summary>demo.patient's appointment on the day the demo is made (a review with the clinician at 15:00 clinic time, in person),
    /// so a fresh demo's Today lists it; written as the seed writes its other records (a booking's "later than now" rule is for staff).</summary>
    private void SeedAppointment(Clinic clinic, Guid patientId, Guid bookedBy)
    {
        var now = clock.GetUtcNow();
        var zone = ClinicZone.Of(clinic.TimeZone);
        db.Appointments.Add(new Appointment
        {
            Id = Guid.NewGuid(), ClinicId = clinic.Id, PatientId = patientId,
            StartsAt = CarePlanSchedule.InstantOf(zone.Today(now), new TimeOnly(15, 0), zone.Zone).ToUniversalTime(), DurationMinutes = 30,
            Kind = "clinic-review", WithWhom = "Dr Casey Clinician (demo)", Mode = Speciosa.Clinical.Appointments.AppointmentModes.InPerson,
            Location = "Riverside Demo Clinic, room 1", BookedAt = now, BookedBy = bookedBy, ConcurrencyStamp = Guid.NewGuid(),
        });
    }

    /// <summary>demo.admin's TOTP secret: derived from the key that encrypts the key ring (HMAC-SHA256 under a label of its
    /// own), so it is random per demo data folder, stays the same while that key file is kept, and is in no configuration.
    /// Tests compute codes from it through the server's own key.</summary>
    public static byte[] AdminTotpSecret(KeyRingKey key) =>
        System.Security.Cryptography.HMACSHA256.HashData(key.Bytes, "Speciosa demo.admin TOTP secret v1"u8)[..TotpCodes.SecretBytes];

    /// <summary>The TOTP secret of a demo administrator: demo.admin's as <see cref="AdminTotpSecret"/>, any other's derived the
    /// same way under a label naming the account.</summary>
    public static byte[] TotpSecretFor(KeyRingKey key, string userName) =>
        userName == "demo.admin"
            ? AdminTotpSecret(key)
            : System.Security.Cryptography.HMACSHA256.HashData(key.Bytes, System.Text.Encoding.UTF8.GetBytes($"Speciosa {userName} TOTP secret v1"))[..TotpCodes.SecretBytes];

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        // Guarantee the digit the password rules require.
        return "Demo-" + new string(chars) + RandomNumberGenerator.GetInt32(10);
    }
}
