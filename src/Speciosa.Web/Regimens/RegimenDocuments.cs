using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Documents;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;

namespace Speciosa.Web.Regimens;

/// <summary>Regimens' printed documents: the regimen part of the patient summary, the patient's taper calendar to take
/// home (plain words: dates and grams only, no rule, threshold or basis), and a lot's exposed-patient list.</summary>
public static class RegimenDocuments
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IEndpointRouteBuilder MapRegimenDocuments(this IEndpointRouteBuilder app)
    {
        app.MapPatientScope().WithTags("Regimens").MapGet("/regimens/{regimenId:guid}/taper.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                VisiblePatient patient, Guid regimenId, HttpContext http, RegimenService service, DocumentPrinter printer, CancellationToken ct) =>
            {
                http.Audit().ResourceId = regimenId.ToString();
                var p = patient.Record;
                if (await service.FindRegimenAsync(p, regimenId, ct) is not { } regimen)
                {
                    return ProblemResponses.Problem(StatusCodes.Status404NotFound);
                }

                var view = await service.ViewAsync(p, regimen, ct);
                if (view.Current.Taper is not { Entries.Count: > 0 } taper)
                {
                    return ProblemResponses.Problem(StatusCodes.Status404NotFound, "This regimen has no taper calendar to print.");
                }

                return await printer.PdfAsync(p.ClinicId, "Your taper calendar", DocumentPrinter.PatientOf(p),
                    TaperCalendarBlocks(view, taper), $"taper-calendar-{regimenId}", ct);
            })
            .Produces(StatusCodes.Status200OK, contentType: DocumentPrinter.ContentType)
            .WithSummary("The current taper calendar of a regimen as a PDF to take home: each period's dates and the most grams a day the " +
                "clinician ordered, in plain words. Same visibility as the regimen page (the patient may print their own).")
            .Audited("regimen.taper-pdf", "Regimen").RequireAuthorization(Policies.PatientRecords);

        app.MapGet("/api/lots/{lotId:guid}/exposures.pdf", async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> (
                Guid lotId, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db, LotExposure exposure, TimeProvider clock,
                DocumentPrinter printer, CancellationToken ct, int? windowDays = null) =>
            {
                http.Audit().ResourceId = lotId.ToString();
                if (windowDays is < 1 or > 3650)
                {
                    return ProblemResponses.Invalid("windowDays", "The exposure window is 1 to 3650 days.");
                }

                var clinicId = user.ClinicIdOf() ?? Guid.Empty;
                if (await db.Lots.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lotId && l.ClinicId == clinicId, ct) is not { } lot)
                {
                    return ProblemResponses.Problem(StatusCodes.Status404NotFound);
                }

                var view = await RegimenEndpoints.ExposureViewAsync(lot, exposure, clock, windowDays, ct);
                http.Audit().Showed(view.Patients.Select(p => p.PatientId));
                var ids = view.Patients.Select(p => p.PatientId).ToList();
                var born = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DateOfBirth, ct);
                var zone = await http.RequestServices.GetRequiredService<Clinics.ClinicCalendar>().ZoneAsync(clinicId, ct);
                return await printer.PdfAsync(clinicId, $"Patients exposed to lot {view.LotCode}", null,
                    ExposureBlocks(view, born, zone), $"lot-exposures-{lot.Id}", ct);
            })
            .Produces(StatusCodes.Status200OK, contentType: DocumentPrinter.ContentType)
            .WithTags("Regimens").WithSummary("The exposed-patient list of a lot (as /lots/{id}/exposures) as a PDF, with each patient's date of birth.")
            .Audited("lot.exposures-pdf", "Lot").RequireAuthorization(Policies.RecallTracing);

        return app;
    }

    /// <summary>Long dates for a patient: "Monday 1 December 2026".</summary>
    private static string Day(DateOnly d) => d.ToString("dddd d MMMM yyyy", Invariant);

    private static string Grams(decimal g) => g.ToString("0.##", Invariant);

    public static IReadOnlyList<DocBlock> TaperCalendarBlocks(RegimenView view, TaperCalendarDto taper)
    {
        var entries = taper.Entries!.OrderBy(e => e.StartsOn).ToList();
        var rows = entries.Select((e, i) =>
        {
            var until = i + 1 < entries.Count ? Day(entries[i + 1].StartsOn.AddDays(-1)) : "onwards";
            var amount = e.GramsPerDay == 0 ? "No kratom. The taper is finished." : $"Up to {Grams(e.GramsPerDay)} g in a day";
            return (IReadOnlyList<string>)[Day(e.StartsOn), until, amount, ""];
        }).ToList();
        var blocks = new List<DocBlock>();
        if (view.DemoValues)
        {
            blocks.Add(new DocText("Demo values, not a recommended regimen. This made-up calendar belongs to the demo clinic.", DocTextStyle.Bold));
        }

        blocks.AddRange(
        [
            new DocText($"Your clinician set this calendar for {view.Current.ProductName}. Each line says the most you may take in one day, " +
                "from the first date to the second. Taking less is fine. Do not take more, and do not change the calendar yourself: " +
                "if it feels too fast or too slow, talk to your clinic."),
            new DocTable(["From", "Until", "Amount", "Done (tick)"], rows, [2.7, 2.7, 1.9, 0.6], Large: true),
            new DocHeading(TaperHandout.Default.Heading),
        ]);
        // Each line with its sources in knowledge/dosing/taper-handout.json (the clinical audit: no unsourced patient wording).
        blocks.AddRange(TaperHandout.Default.Lines.Select(l => new DocText(l.Text)));
        blocks.Add(new DocText(KratomStatus.Default.Patient, DocTextStyle.Small));
        return blocks;
    }

    public static IReadOnlyList<DocBlock> ExposureBlocks(LotExposureView view, IReadOnlyDictionary<Guid, DateOnly> born, Clinics.ClinicZone zone) =>
    [
        new DocFields(
        [
            new("Lot", view.LotCode),
            new("State", view.State + (view.RecalledAt is { } r ? $", recalled {zone.Labelled(r)}" : "")),
            new("Exposed means", $"a regimen ordering this lot that has not ended, or a dose from it since {zone.Labelled(view.WindowFrom)} ({view.WindowDays} days)"),
            new("Exposed patients", view.Patients.Count.ToString(Invariant)),
        ]),
        new DocTable(
            ["Patient", "Date of birth", "Record number", "Regimen orders this lot", "Doses in the window", $"Latest dose ({zone.Id})"],
            view.Patients.Select(p => (IReadOnlyList<string>)
            [
                p.DisplayName,
                born.TryGetValue(p.PatientId, out var dob) ? dob.ToString("yyyy-MM-dd", Invariant) : "",
                p.PatientId.ToString(),
                p.ActiveRegimenOnLot ? "yes" : "no",
                p.DosesInWindow.ToString(Invariant),
                p.LastDoseAt is { } at ? zone.Local(at) : "—",
            ]).ToList(),
            [1.6, 1, 2.4, 1, 0.9, 1.3],
            "No patient was exposed to this lot in the window."),
    ];
}

/// <summary>The printed summary's regimen: the current order as the clinician wrote it, titration and taper.</summary>
public sealed class RegimenSummarySection(RegimenService regimens) : IPatientSummarySection
{
    public int Order => 10;

    public async Task<IReadOnlyList<DocBlock>> LoadAsync(PatientSummaryContext context, CancellationToken ct)
    {
        var view = (await regimens.ListAsync(context.Patient, ct)).FirstOrDefault();
        if (view is null)
        {
            return [new DocHeading("Regimen"), new DocText("No regimen ordered.")];
        }

        static string G(decimal g) => g.ToString("0.##", CultureInfo.InvariantCulture);
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var c = view.Current;
        var blocks = new List<DocBlock> { new DocHeading($"Regimen (version {c.Version})") };
        if (view.DemoValues)
        {
            blocks.Add(new DocText("Demo values, not a recommended regimen.", DocTextStyle.Bold));
        }

        blocks.Add(new DocFields(
        [
            new("Product and lot", $"{c.ProductName}, lot {c.LotCode ?? "any released lot"}"),
            new("Order", $"{G(c.GramsPerAdministration)} g per administration, at most {c.MaxAdministrationsPerDay} a day and {G(c.MaxGramsPerDay)} g a day"),
            new("Dates", $"{D(c.StartDate)} to {(c.EndDate is { } e ? D(e) : "open")}{(view.ActiveToday ? " (in effect today)" : "")}"),
            new("Ordered by", $"{c.AuthoredByName}, {context.Zone.Labelled(c.AuthoredAt)}: {c.Reason}"),
            new("Titration", view.Titration is { } t
                ? $"step {t.CurrentStep} ({G(t.CurrentGramsPerAdministration)} g per administration since {D(t.CurrentSince)})" +
                  (t.Complete ? ", complete" : t.NextStep is { } n ? $"; next step {n} due {(t.NextDueOn is { } due ? D(due) : "when its hold is met")}, waiting for a clinician's confirmation" : "")
                : "none ordered"),
            new("Today's limits", view.TodayLimits is { } l ? $"{G(l.GramsPerAdministration)} g × {l.MaxAdministrations}, at most {G(l.MaxGramsPerDay)} g" : "no order in effect today"),
        ]));
        if (c.Taper is { Entries.Count: > 0 } taper)
        {
            blocks.Add(new DocTable(["Taper from", "Grams a day", "Basis"],
                taper.Entries!.Select(te => (IReadOnlyList<string>)[D(te.StartsOn), G(te.GramsPerDay), te.Basis ?? ""]).ToList(), [1, 1, 3]));
        }

        blocks.Add(new DocText(KratomStatus.Default.Staff, DocTextStyle.Small));
        return blocks;
    }
}
