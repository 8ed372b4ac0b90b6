using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Documents;

/// <summary>The one way a feature answers with a PDF: it hands its blocks over, and this adds the clinic's name, the
/// time now in the clinic's zone and the patient banner, lays them out with <see cref="PdfComposer"/> and answers
/// <c>application/pdf</c> as a download whose file name carries record ids and a date, never a patient's name.</summary>
public sealed class DocumentPrinter(SpeciosaDbContext db, ClinicCalendar calendar, TimeProvider clock)
{
    public const string ContentType = "application/pdf";

    public static DocumentPatient PatientOf(Patient patient) => new(patient.DisplayName, patient.DateOfBirth, patient.Id);

    public async Task<PrintedDocument> ComposeAsync(
        Guid clinicId, string title, DocumentPatient? patient, IReadOnlyList<DocBlock> blocks, CancellationToken ct = default)
    {
        var zone = await calendar.ZoneAsync(clinicId, ct);
        var clinic = await db.Clinics.AsNoTracking().Where(c => c.Id == clinicId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "Speciosa";
        return new PrintedDocument(title, clinic, zone, clock.GetUtcNow(), patient, blocks);
    }

    /// <summary>The PDF as a download named <c>{stem}-{clinic day}.pdf</c>.</summary>
    public async Task<FileContentHttpResult> PdfAsync(
        Guid clinicId, string title, DocumentPatient? patient, IReadOnlyList<DocBlock> blocks, string fileStem, CancellationToken ct = default)
    {
        var document = await ComposeAsync(clinicId, title, patient, blocks, ct);
        var day = document.Zone.Today(document.GeneratedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(PdfComposer.Render(document), ContentType, $"{fileStem}-{day}.pdf");
    }
}

/// <summary>Registers the PDF kit (kernel: names no feature).</summary>
public sealed class DocumentsFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        DocumentFonts.EnsureRegistered();
        services.AddScoped<DocumentPrinter>();
    }

    public void Map(IEndpointRouteBuilder app)
    {
    }
}
