using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Speciosa.Clinical.Products;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Products;

/// <summary>/api/products, /api/lots, /api/certificates, /api/photos, /api/quality. Reads: staff of the
/// clinic. Writes: the Quality role. Another clinic's records answer 404.</summary>
public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products").WithTags("Products");
        products.MapGet("/", List).RequireAuthorization(Policies.Staff).Audited("product.list", "Product")
            .WithSummary("Products of your clinic (?page from 1, ?pageSize up to 100, ?sort=name|brand|vendor|createdAt).")
            .ProducesValidationProblem();
        products.MapPost("/", CreateProduct).RequireAuthorization(Policies.Quality).Audited("product.create", "Product")
            .WithSummary("Record a product with its label claims and GMP certification (Quality).").ProducesValidationProblem();
        products.MapGet("/{id:guid}", GetProduct).RequireAuthorization(Policies.Staff).Audited("product.read", "Product")
            .WithSummary("A product with its lots, their verdicts and out-of-limit flags, and its photos.").ProducesProblem(404);
        products.MapPost("/{id:guid}/lots", CreateLot).RequireAuthorization(Policies.Quality).Audited("lot.create", "Lot")
            .WithSummary("Record a lot (quarantined) with its supply chain (Quality).").ProducesValidationProblem().ProducesProblem(404);
        products.MapPost("/{id:guid}/photos", AddProductPhoto).RequireAuthorization(Policies.Quality).Audited("photo.create", "ProductPhoto")
            .Accepts<byte[]>("image/png", "image/jpeg", "image/webp", "application/octet-stream")
            .WithSummary("Upload a photo (request body: the image bytes; ?kind=leaf|product|packaging). PNG, JPEG or WebP checked by content (Quality).")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413);

        var lots = app.MapGroup("/api/lots").WithTags("Lots");
        lots.MapGet("/{id:guid}", GetLot).RequireAuthorization(Policies.Staff).Audited("lot.read", "Lot")
            .WithSummary("A lot: certificate with out-of-limit flags, verdict with reasons, supply chain, state history, photos.").ProducesProblem(404);
        lots.MapPost("/{id:guid}/certificates", AddCertificate).RequireAuthorization(Policies.Quality).Audited("certificate.create", "Certificate")
            .WithSummary("Record a certificate of analysis for a lot (Quality).").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        lots.MapPost("/{id:guid}/release", Release).RequireAuthorization(Policies.Quality).Audited("lot.release", "Lot")
            .WithSummary("Release a quarantined lot for use; only when the verdict is Pass, else 409 with the verdict's reasons (Quality).")
            .ProducesProblem(404).ProducesProblem(409);
        lots.MapPost("/{id:guid}/recall", Recall).RequireAuthorization(Policies.Quality).Audited("lot.recall", "Lot")
            .WithSummary("Recall a lot with a reason; it can no longer be used (Quality).")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        lots.MapPost("/{id:guid}/photos", AddLotPhoto).RequireAuthorization(Policies.Quality).Audited("photo.create", "ProductPhoto")
            .Accepts<byte[]>("image/png", "image/jpeg", "image/webp", "application/octet-stream")
            .WithSummary("Upload a photo of this lot (body: image bytes; ?kind=leaf|product|packaging) (Quality).")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413);

        app.MapPost("/api/certificates/import", Import).WithTags("Lots").RequireAuthorization(Policies.Quality)
            .Audited("certificate.import", "Certificate")
            .Accepts<string>("text/csv", "text/plain", "application/octet-stream")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(CoaCsvImport.MaxBytes)) // chunked bodies too
            .WithSummary("Import a laboratory's CSV export (body: the file, UTF-8). All or nothing; a report of line, column and problem on 400; re-import creates no duplicates (Quality).")
            .ProducesValidationProblem().ProducesProblem(409);

        app.MapGet("/api/photos/{id:guid}", GetPhoto).WithTags("Lots").RequireAuthorization(Policies.Staff).Audited("photo.read", "ProductPhoto")
            .WithSummary("The photo's bytes (staff of the clinic only).").ProducesProblem(404);

        var settings = app.MapGroup("/api/quality").WithTags("Quality settings");
        settings.MapGet("/standards", () => TypedResults.Ok(QualityStandardCatalogue.All.Select(s =>
                new StandardDto(s.Id, s.Version, s.Title, s.Source.Citation, s.AsOf, s.RequiredAnalytes)).ToList()))
            .RequireAuthorization(Policies.Staff).Audited("quality-standard.list", "QualityStandard")
            .WithSummary("The quality standards a clinic may choose from.");
        settings.MapGet("/settings", GetSettings).RequireAuthorization(Policies.Staff).Audited("quality-settings.read", "ClinicQualitySettings")
            .WithSummary("Your clinic's chosen standards, label-claim tolerance and default maximum daily grams.");
        settings.MapPut("/settings", PutSettings).RequireAuthorization(Policies.Quality).Audited("quality-settings.update", "ClinicQualitySettings")
            .WithSummary("Choose the standards that apply and the label-claim tolerance (Quality).").ProducesValidationProblem();
        return app;
    }

    private static Guid Clinic(ClaimsPrincipal user) => user.ClinicIdOf() ?? Guid.Empty;

    private static Guid UserId(ClaimsPrincipal user) => user.UserId() ?? Guid.Empty;

    private static async Task<Results<Ok<ListPage<ProductSummary>>, ValidationProblem>> List(
        ClaimsPrincipal user, ProductService service, [AsParameters] PageRequest paging, string? sort, CancellationToken ct)
    {
        var errors = paging.Check();
        if (sort is not null && !ProductService.SortFields.Contains(sort))
        {
            errors["sort"] = [$"Sort by one of: {string.Join(", ", ProductService.SortFields)}."];
        }

        return errors.Count > 0 ? ProblemResponses.Invalid(errors)
            : TypedResults.Ok(await service.ListAsync(Clinic(user), paging.OrSize(25), sort ?? "name", ct));
    }

    private static async Task<Results<Created<ProductDetail>, ValidationProblem>> CreateProduct(
        ProductRequest request, ClaimsPrincipal user, HttpContext http, ProductService service, CancellationToken ct)
    {
        var (product, errors) = await service.CreateProductAsync(Clinic(user), UserId(user), request, ct);
        if (product is null)
        {
            return ProblemResponses.Invalid(errors);
        }

        http.Audit().ResourceId = product.Id.ToString();
        return TypedResults.Created($"/api/products/{product.Id}", await service.GetProductAsync(Clinic(user), product.Id, ct));
    }

    private static async Task<Results<Ok<ProductDetail>, ProblemHttpResult>> GetProduct(
        Guid id, ClaimsPrincipal user, HttpContext http, ProductService service, CancellationToken ct)
    {
        http.Audit().ResourceId = id.ToString();
        return await service.GetProductAsync(Clinic(user), id, ct) is { } p ? TypedResults.Ok(p) : ProblemResponses.Problem(404);
    }

    private static async Task<Results<Created<LotDetail>, ValidationProblem, ProblemHttpResult>> CreateLot(
        Guid id, LotRequest request, ClaimsPrincipal user, HttpContext http, ProductService service, CancellationToken ct)
    {
        var (lot, errors, missing) = await service.CreateLotAsync(Clinic(user), UserId(user), id, request, ct);
        if (missing)
        {
            return ProblemResponses.Problem(404);
        }

        if (lot is null)
        {
            return ProblemResponses.Invalid(errors);
        }

        http.Audit().ResourceId = lot.Id.ToString();
        return TypedResults.Created($"/api/lots/{lot.Id}", (await service.GetLotAsync(Clinic(user), lot.Id, ct))!);
    }

    private static async Task<Results<Ok<LotDetail>, ProblemHttpResult>> GetLot(
        Guid id, ClaimsPrincipal user, HttpContext http, ProductService service, CancellationToken ct)
    {
        http.Audit().ResourceId = id.ToString();
        return await service.GetLotAsync(Clinic(user), id, ct) is { } l ? TypedResults.Ok(l) : ProblemResponses.Problem(404);
    }

    private static async Task<Results<Created<LotDetail>, ValidationProblem, ProblemHttpResult>> AddCertificate(
        Guid id, CertificateRequest request, ClaimsPrincipal user, HttpContext http, ProductService service, CancellationToken ct)
    {
        http.Audit().ResourceId = id.ToString();
        var (outcome, certificate) = await service.AddCertificateAsync(Clinic(user), UserId(user), id, request, ct);
        return outcome.Succeeded ? Created(http, certificate!, (await service.GetLotAsync(Clinic(user), id, ct))!) : outcome.ToProblem();
    }

    private static Created<LotDetail> Created(HttpContext http, Certificate certificate, LotDetail lot)
    {
        http.Audit().ResourceId = certificate.Id.ToString();
        return TypedResults.Created($"/api/lots/{lot.Id}", lot);
    }

    private static async Task<Results<Ok<LotDetail>, ProblemHttpResult>> Release(
        Guid id, LotActionRequest? request, ClaimsPrincipal user, HttpContext http, LotRelease release, ProductService service, CancellationToken ct)
    {
        http.Audit().ResourceId = id.ToString();
        var result = await release.ReleaseAsync(Clinic(user), id, UserId(user), request?.Reason, request?.ConcurrencyStamp, ct);
        return await Answer(result, user, service, ct);
    }

    private static async Task<Results<Ok<LotDetail>, ProblemHttpResult>> Recall(
        Guid id, LotActionRequest request, ClaimsPrincipal user, HttpContext http, LotRelease release, ProductService service, CancellationToken ct)
    {
        http.Audit().ResourceId = id.ToString();
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            return TypedResults.Problem(statusCode: 400, title: ProblemResponses.TitleFor(400),
                detail: "Say why the lot is recalled (1 to 1000 characters).",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["reason"] = ["Say why the lot is recalled (1 to 1000 characters)."] } });
        }

        if (request.ExposureWindowDays is < 1 or > 3650)
        {
            return TypedResults.Problem(statusCode: 400, title: ProblemResponses.TitleFor(400),
                detail: "The exposure window is 1 to 3650 days.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["exposureWindowDays"] = ["The exposure window is 1 to 3650 days."] } });
        }

        var result = await release.RecallAsync(Clinic(user), id, UserId(user), reason, request.ConcurrencyStamp, ct, request.ExposureWindowDays);
        return await Answer(result, user, service, ct);
    }

    /// <summary>409 names the verdict, its outcome and every analyte's reason that stands in the way.</summary>
    private static async Task<Results<Ok<LotDetail>, ProblemHttpResult>> Answer(LotActionResult result, ClaimsPrincipal user, ProductService service, CancellationToken ct) =>
        result.Outcome.Succeeded ? TypedResults.Ok((await service.GetLotAsync(Clinic(user), result.Lot!.Id, ct))!) : result.Outcome.ToProblem();

    private static async Task<Results<Ok<CoaImportResult>, Created<CoaImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, ClaimsPrincipal user, HttpContext http, CoaCsvImport import, CancellationToken ct)
    {
        var body = await ReadBodyAsync(request, CoaCsvImport.MaxBytes, ct);
        if (body is null)
        {
            return ProblemResponses.Problem(413, $"A CSV file is at most {CoaCsvImport.MaxBytes / 1000} kB.");
        }

        var outcome = await import.ImportAsync(Clinic(user), UserId(user), body, ct);
        if (outcome.Result is null)
        {
            var errors = CsvProblem.Errors(outcome.Problems);
            var extensions = new Dictionary<string, object?> { ["report"] = outcome.Problems };
            return outcome.IsConflict
                ? TypedResults.Problem(statusCode: 409, title: ProblemResponses.TitleFor(409),
                    detail: "Nothing was imported: a certificate in the file conflicts with one already recorded.", extensions: extensions)
                : TypedResults.ValidationProblem(errors, detail: "Nothing was imported. Fix the lines listed and import the whole file again.",
                    title: ProblemResponses.TitleFor(400), extensions: extensions);
        }

        http.Audit().ResourceId = outcome.Result.FileSha256;
        return outcome.Result.Created > 0
            ? TypedResults.Created("/api/products", outcome.Result)
            : TypedResults.Ok(outcome.Result);
    }

    private static Task<Results<Created<PhotoView>, ValidationProblem, ProblemHttpResult>> AddProductPhoto(
        Guid id, string? kind, HttpRequest request, ClaimsPrincipal user, HttpContext http, ProductService service, IOptions<ProductOptions> options, CancellationToken ct) =>
        AddPhoto(id, null, kind, request, user, http, service, options.Value, ct);

    private static async Task<Results<Created<PhotoView>, ValidationProblem, ProblemHttpResult>> AddLotPhoto(
        Guid id, string? kind, HttpRequest request, ClaimsPrincipal user, HttpContext http, ProductService service, SpeciosaDbContext db, IOptions<ProductOptions> options, CancellationToken ct)
    {
        var clinic = Clinic(user);
        var productId = await db.Lots.Where(l => l.Id == id && l.ClinicId == clinic).Select(l => (Guid?)l.ProductId).FirstOrDefaultAsync(ct);
        return productId is null
            ? ProblemResponses.Problem(404)
            : await AddPhoto(productId.Value, id, kind, request, user, http, service, options.Value, ct);
    }

    private static async Task<Results<Created<PhotoView>, ValidationProblem, ProblemHttpResult>> AddPhoto(
        Guid productId, Guid? lotId, string? kind, HttpRequest request, ClaimsPrincipal user, HttpContext http, ProductService service, ProductOptions options, CancellationToken ct)
    {
        if (!Enum.TryParse<PhotoKind>(kind, ignoreCase: true, out var photoKind) || !Enum.IsDefined(photoKind) || int.TryParse(kind, out _))
        {
            return ProblemResponses.Invalid("kind", "Say what the photo shows: leaf, product or packaging.");
        }

        var body = await ReadBodyAsync(request, options.MaxPhotoBytes, ct);
        if (body is null)
        {
            return ProblemResponses.Problem(413, $"A photo is at most {options.MaxPhotoBytes / 1024 / 1024.0:0.#} MB.");
        }

        var (outcome, photo) = await service.AddPhotoAsync(Clinic(user), UserId(user), productId, lotId, photoKind, body, options.MaxPhotoBytes, ct, options.MaxPhotoSide);
        if (!outcome.Succeeded)
        {
            return outcome.ToProblem();
        }

        http.Audit().ResourceId = photo!.Id.ToString();
        return TypedResults.Created($"/api/photos/{photo.Id}", new PhotoView(photo.Id, photo.ProductId, photo.LotId, photo.Kind, photo.ContentType,
            photo.Width, photo.Height, photo.Length, photo.UploadedAt, $"/api/photos/{photo.Id}"));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPhoto(
        Guid id, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db, CancellationToken ct)
    {
        http.Audit().ResourceId = id.ToString();
        var clinic = Clinic(user);
        var photo = await db.ProductPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ClinicId == clinic, ct);
        if (photo is null)
        {
            return ProblemResponses.Problem(404);
        }

        http.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.File(photo.Content, photo.ContentType);
    }

    private static async Task<Ok<QualitySettingsView>> GetSettings(ClaimsPrincipal user, LotQuality quality, CancellationToken ct)
    {
        var s = await quality.SettingsAsync(Clinic(user), ct);
        var saved = await quality.HasSavedSettingsAsync(Clinic(user), ct);
        return TypedResults.Ok(new QualitySettingsView(s.Standards, s.LabelClaimTolerancePercent, s.MaximumDailyGrams, !saved,
            saved ? null : LotQuality.SoftwareDefaultToleranceNote));
    }

    private static async Task<Results<Ok<QualitySettingsView>, ValidationProblem>> PutSettings(
        QualitySettingsDto dto, ClaimsPrincipal user, ProductService service, LotQuality quality, CancellationToken ct)
    {
        var errors = await service.SaveSettingsAsync(Clinic(user), UserId(user), dto, ct);
        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        return await GetSettings(user, quality, ct) is var ok ? TypedResults.Ok(ok.Value!) : throw new InvalidOperationException();
    }

    /// <summary>The request body, or null when it is larger than <paramref name="max"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
