using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Demo;

/// <summary>Made-up demo regimens and doses. The three demo patients take the released leaf lot DEMO-GL-001
/// (the first on an order for that lot, the others on "any released lot"); a fourth, fictional patient reported a
/// dose from the capsule lot DEMO-HC-001 — so a recall of DEMO-GL-001 concerns exactly three patients.</summary>
public static class DemoRegimens
{
    public const string FourthGiven = "Riley";
    public const string FourthFamily = "Examplesworth (demo)";

    public static async Task SeedAsync(SpeciosaDbContext db, Guid clinicId, Guid clinicianId, Guid nurseId, DateTimeOffset now, CancellationToken ct = default)
    {
        var leafLot = await db.Lots.FirstAsync(l => l.ClinicId == clinicId && l.LotCode == DemoProducts.PassingLot, ct);
        var capsuleLot = await db.Lots.FirstAsync(l => l.ClinicId == clinicId && l.LotCode == DemoProducts.IncompleteLot, ct);
        var patients = await db.Patients.Where(p => p.ClinicId == clinicId).ToListAsync(ct);
        var fourth = new Patient
        {
            Id = Guid.NewGuid(), ClinicId = clinicId, GivenName = FourthGiven, FamilyName = FourthFamily,
            SearchName = Patient.SearchNameOf(FourthGiven, FourthFamily), DateOfBirth = new DateOnly(1985, 9, 30), Sex = "unknown",
            CountryCode = "US", SubdivisionCode = "US-TN", Status = PatientVocabulary.Active, CreatedAt = now, UpdatedAt = now,
            ConcurrencyStamp = Guid.NewGuid(),
            CareTeam = [new CareTeamMember { UserId = clinicianId }, new CareTeamMember { UserId = nurseId }],
        };
        db.Patients.Add(fourth);

        var start = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-6);
        var first = true;
        foreach (var patient in patients.OrderBy(p => p.CreatedAt).ThenBy(p => p.FamilyName, StringComparer.Ordinal))
        {
            var regimen = Regimen(db, patient, leafLot.ProductId, first ? leafLot.Id : null, start, clinicianId, now);
            first = false;
            for (var daysAgo = 3; daysAgo >= 1; daysAgo--)
            {
                Dose(db, patient, regimen, leafLot.Id, now.AddDays(-daysAgo).AddHours(-2), 2m, DoseSource.StaffGiven, nurseId, now);
            }
        }

        var capsuleRegimen = Regimen(db, fourth, capsuleLot.ProductId, null, start, clinicianId, now);
        Dose(db, fourth, capsuleRegimen, capsuleLot.Id, now.AddDays(-2), 1.5m, DoseSource.PatientReported, clinicianId, now);
        await db.SaveChangesAsync(ct);
    }

    private static Regimen Regimen(SpeciosaDbContext db, Patient patient, Guid productId, Guid? lotId, DateOnly start, Guid clinicianId, DateTimeOffset now)
    {
        var regimen = new Regimen
        {
            Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, ProductId = productId, LotId = lotId, StartDate = start,
            CurrentVersion = 1, CreatedAt = now, CreatedBy = clinicianId, ConcurrencyStamp = Guid.NewGuid(),
        };
        db.Regimens.Add(regimen);
        db.RegimenVersions.Add(new RegimenVersion
        {
            Id = Guid.NewGuid(), RegimenId = regimen.Id, Version = 1, ProductId = productId, LotId = lotId, GramsPerAdministration = 2m,
            MaxAdministrationsPerDay = 3, MaxGramsPerDay = 6m, StartDate = start, BreaksJson = "[]", Reason = "Demo values, not a recommended regimen (made-up starting order)",
            AuthoredBy = clinicianId, AuthoredAt = now, LegalOutcome = "Allow",
        });
        return regimen;
    }

    private static void Dose(SpeciosaDbContext db, Patient patient, Regimen regimen, Guid lotId, DateTimeOffset at, decimal grams, DoseSource source, Guid by, DateTimeOffset now) =>
        db.Doses.Add(new Dose
        {
            Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, RegimenId = regimen.Id, RegimenVersion = 1, LotId = lotId,
            GivenAt = at, Grams = grams, Source = source.ToString(), RecordedBy = by, RecordedAt = now,
        });
}
