using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Clinical.Products;
using Speciosa.Web.Audit;
using Speciosa.Web.Clinics;
using Speciosa.Web.Documents;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Products;

/// <summary>A lot's certificate verdict as a PDF: the verdict with every non-passing finding (standard, analyte, limit,
/// reason, source), the standards judged against, the certificate's results with out-of-limit flags, and the state
/// history. The same data and visibility as the lot page (/lots/{id}).</summary>
public static class LotDocuments
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IEndpointRouteBuilder MapLotDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/lots/{id:guid}/certificate.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, HttpContext http, ProductService products, ClinicCalendar calendar, DocumentPrinter printer, CancellationToken ct) =>
            {
                http.Audit().ResourceId = id.ToString();
                var clinicId = user.ClinicIdOf() ?? Guid.Empty;
                if (await products.GetLotAsync(clinicId, id, ct) is not { } lot)
                {
                    return ProblemResponses.Problem(StatusCodes.Status404NotFound);
                }

                var zone = await calendar.ZoneAsync(clinicId, ct);
                return await printer.PdfAsync(clinicId, $"Certificate verdict: lot {lot.LotCode}", null, Blocks(lot, zone), $"lot-certificate-{lot.Id}", ct);
            })
            .WithTags("Lots").Produces(StatusCodes.Status200OK, contentType: DocumentPrinter.ContentType)
            .WithSummary("A lot's certificate verdict with its reasons, the certificate's results and the state history, as a PDF (staff, as the lot page).")
            .Audited("lot.certificate-pdf", "Lot").RequireAuthorization(Policies.Staff);
        return app;
    }

    public static IReadOnlyList<DocBlock> Blocks(LotDetail lot, ClinicZone zone)
    {
        var blocks = new List<DocBlock>
        {
            new DocFields(
            [
                new("Product", lot.ProductName),
                new("Lot", lot.LotCode),
                new("State", $"{lot.State} since {zone.Labelled(lot.StateChangedAt)}{(lot.Usable ? "" : "; not available for patients")}"),
                .. lot.RecallReason is { } reason ? [new KeyValuePair<string, string>("Recall reason", reason)] : Array.Empty<KeyValuePair<string, string>>(),
            ]),
            new DocHeading($"Verdict: {ProductText.Outcome(lot.Verdict.Outcome)}"),
            new DocText(lot.Verdict.Summary),
        };
        if (lot.StandardsApplied is { Count: > 0 } applied)
        {
            blocks.Add(new DocText("Judged against: " + string.Join("; ", applied), DocTextStyle.Small));
        }

        if (lot.LabelClaimToleranceNote is { } note)
        {
            blocks.Add(new DocText("Software default: " + note, DocTextStyle.Small));
        }

        var reasons = lot.Verdict.Findings.Where(f => f.Outcome is not QualityOutcome.Pass).ToList();
        blocks.Add(new DocHeading("Reasons"));
        blocks.Add(new DocTable(
            ["Finding", "Analyte", "Standard", "Limit", "Reason", "Source"],
            reasons.Select(f => (IReadOnlyList<string>)
            [
                f.OutOfLimit ? "Out of limit" : "Not shown compliant",
                f.Analyte,
                $"{f.StandardId} v{f.StandardVersion}",
                f.Limit + (f.Unconfirmed ? " (limit UNCONFIRMED)" : ""),
                f.Reason,
                f.Source,
            ]).ToList(),
            [1, 1, 1.2, 1.1, 2.6, 1.6],
            "Every finding passes."));

        blocks.Add(new DocHeading("Certificate of analysis"));
        if (lot.Certificate is { } c)
        {
            blocks.Add(new DocText($"{c.LabName}{(c.LabAccreditation is null ? "" : $" ({c.LabAccreditation})")} · reported {c.ReportedOn.ToString("yyyy-MM-dd", Invariant)}" +
                $"{(c.SampledOn is { } s ? $" · sampled {s.ToString("yyyy-MM-dd", Invariant)}" : "")}{(c.Method is null ? "" : $" · {c.Method}")}{(c.Imported ? " · imported from CSV" : "")}"));
            blocks.Add(new DocTable(
                ["Flag", "Analyte", "Result", "Unit", "Qualifier", "LOD", "LOQ", "Method"],
                c.Results.Select(r => (IReadOnlyList<string>)
                [
                    r.OutOfLimit ? "Out of limit" : "",
                    r.AnalyteName,
                    ProductText.Number(r.Value), r.Unit, ProductText.Qualifier(r.Qualifier), ProductText.Number(r.Lod), ProductText.Number(r.Loq), r.Method ?? "",
                ]).ToList(),
                [1, 1.8, 0.8, 0.8, 1.1, 0.6, 0.6, 1.2]));
        }
        else
        {
            blocks.Add(new DocText("No certificate of analysis yet: the lot cannot pass."));
        }

        blocks.Add(new DocHeading("State history"));
        blocks.Add(new DocTable(
            [$"When ({zone.Id})", "Change", "Who", "Reason", "Verdict then"],
            lot.History.Select(h => (IReadOnlyList<string>)
            [
                zone.Local(h.ChangedAt), h.FromState is { } from ? $"{from} → {h.ToState}" : h.ToState.ToString(), h.ChangedByName, h.Reason, h.VerdictSummary,
            ]).ToList(),
            [1.1, 1.2, 1.1, 2, 2]));
        return blocks;
    }
}
