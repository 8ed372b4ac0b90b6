using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Registry entries say whether their secondary sources agree (clinical audit E25; false on older rows, which keeps
/// their warnings), and a patient's medicine keeps the dose and frequency the clinician wrote ("alprazolam 0.5 mg tid").</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261130040000_MedicinesLaw")]
public sealed class M0012_MedicinesLaw : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "ConsistentSecondarySources", table: "Jurisdictions", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<string>(name: "Dose", table: "PatientMedicines", maxLength: 50, nullable: true);
        migrationBuilder.AddColumn<string>(name: "Frequency", table: "PatientMedicines", maxLength: 50, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Frequency", table: "PatientMedicines");
        migrationBuilder.DropColumn(name: "Dose", table: "PatientMedicines");
        migrationBuilder.DropColumn(name: "ConsistentSecondarySources", table: "Jurisdictions");
    }
}
