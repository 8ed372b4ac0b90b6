using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Products;
using Speciosa.Web.Data;
using Speciosa.Web.Http;

namespace Speciosa.Web.Products;

public sealed record ImportedCertificate(Guid CertificateId, string LotCode, string LabName, DateOnly ReportedOn, int Results, bool AlreadyRecorded);

public sealed record CoaImportResult(string FileSha256, IReadOnlyList<ImportedCertificate> Certificates)
{
    public int Created => Certificates.Count(c => !c.AlreadyRecorded);
}

public sealed record CoaImportOutcome(CoaImportResult? Result, IReadOnlyList<CsvProblem> Problems, bool IsConflict = false);

/// <summary>Imports a laboratory's CSV export of certificates of analysis (format in docs/architecture.md,
/// "COA CSV"). All or nothing: any problem and nothing is stored. Idempotent by the natural key
/// (lot, laboratory, report date): importing the same certificate again stores nothing new.</summary>
public sealed class CoaCsvImport(SpeciosaDbContext db, TimeProvider clock)
{
    public const int MaxBytes = 1_000_000;

    public static readonly IReadOnlyList<string> Columns =
        ["lot_code", "analyte", "value", "unit", "qualifier", "lod", "loq", "method", "lab", "accreditation", "sample_date", "report_date"];

    private static readonly string[] RequiredColumns = ["lot_code", "analyte", "unit", "qualifier", "lab", "report_date"];

    private sealed record Row(int Line, string LotCode, Guid LotId, CertificateResult Result, string Lab, string? Accreditation, DateOnly? SampledOn, DateOnly ReportedOn);

    public async Task<CoaImportOutcome> ImportAsync(Guid clinicId, Guid userId, byte[] file, CancellationToken ct = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(file));
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(file).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Fail(new CsvProblem(1, "file", "The file is not UTF-8 text; export the CSV as UTF-8."));
        }

        var records = CsvReader.Parse(text);
        if (records.Count == 0)
        {
            return Fail(new CsvProblem(1, "file", "The file is empty; the first line must name the columns: " + string.Join(",", Columns) + "."));
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant().Replace(' ', '_')).ToList();
        var problems = new List<CsvProblem>();
        foreach (var h in header.Where(h => !Columns.Contains(h)))
        {
            problems.Add(new(1, h, $"Unknown column '{h}'; allowed: {string.Join(", ", Columns)}."));
        }

        foreach (var r in RequiredColumns.Where(r => !header.Contains(r)))
        {
            problems.Add(new(1, r, $"Column '{r}' is required."));
        }

        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        if (records.Count == 1)
        {
            return Fail(new CsvProblem(1, "file", "The file has a header but no result lines."));
        }

        var lots = await db.Lots.AsNoTracking().Where(l => l.ClinicId == clinicId)
            .Select(l => new { l.Id, l.LotCode, l.State }).ToListAsync(ct);
        var rows = new List<Row>();
        var catalogue = AnalyteCatalogue.Default;
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var line = record.Line;
            if (record.Fields.Count != header.Count)
            {
                problems.Add(new(line, "line", $"The line has {record.Fields.Count} fields; the header has {header.Count}."));
                continue;
            }

            string Get(string column) => header.IndexOf(column) is var i and >= 0 ? record.Fields[i].Trim() : "";
            var before = problems.Count;

            var lotCode = Get("lot_code");
            var lot = lots.FirstOrDefault(l => string.Equals(l.LotCode, lotCode, StringComparison.Ordinal));
            if (lot is null)
            {
                problems.Add(new(line, "lot_code", string.IsNullOrEmpty(lotCode) ? "A lot code is required." : $"No lot '{lotCode}' in this clinic; record the lot first."));
            }
            else if (lot.State is LotState.Recalled)
            {
                problems.Add(new(line, "lot_code", $"Lot '{lotCode}' is recalled; no new certificate can be added."));
            }

            var analyteName = Get("analyte");
            var analyte = catalogue.TryFind(analyteName);
            if (analyte is null)
            {
                problems.Add(new(line, "analyte", $"Unknown analyte '{analyteName}'; use a catalogue id or alias (e.g. lead, Pb, 7-OH, TAMC)."));
            }

            var unit = Get("unit");
            if (analyte is not null && catalogue.AllowedUnit(analyte, unit) is null)
            {
                problems.Add(new(line, "unit", $"Unit '{unit}' is not allowed for {analyte.Name}; allowed: {string.Join(", ", analyte.Units)}."));
            }

            var value = Number(Get("value"), line, "value", problems);
            var lod = Number(Get("lod"), line, "lod", problems);
            var loq = Number(Get("loq"), line, "loq", problems);
            var qualifier = Qualifier(Get("qualifier"));
            if (qualifier is null)
            {
                problems.Add(new(line, "qualifier", $"Qualifier '{Get("qualifier")}' is not known; use detected, not-detected, below-loq or below-lod."));
            }

            var lab = Get("lab");
            if (lab.Length is 0 or > 200)
            {
                problems.Add(new(line, "lab", "The laboratory's name (1 to 200 characters) is required."));
            }

            var reported = Date(Get("report_date"), line, "report_date", problems, required: true);
            var sampled = Date(Get("sample_date"), line, "sample_date", problems, required: false);
            var method = Get("method");
            var accreditation = Get("accreditation");
            if (method.Length > 200 || accreditation.Length > 200)
            {
                problems.Add(new(line, method.Length > 200 ? "method" : "accreditation", "At most 200 characters."));
            }

            if (problems.Count > before)
            {
                continue;
            }

            rows.Add(new Row(line, lotCode, lot!.Id, new CertificateResult
            {
                Analyte = analyte!.Id, Value = value, Unit = unit, Qualifier = qualifier!.Value, Lod = lod, Loq = loq,
                Method = method.Length == 0 ? null : method,
            }, lab, accreditation.Length == 0 ? null : accreditation, sampled, reported!.Value));
        }

        // Per certificate, the clinical core's own checks (duplicates, missing values, non-positive limits).
        var groups = rows.GroupBy(r => (r.LotId, r.Lab, r.ReportedOn)).ToList();
        foreach (var g in groups)
        {
            var list = g.ToList();
            foreach (var p in catalogue.Check(list.Select(r => r.Result.ToAnalyteResult()).ToList()))
            {
                problems.Add(new(list[p.Index].Line, p.Field, p.Message));
            }

            foreach (var (column, values) in new[] { ("accreditation", list.Select(r => r.Accreditation)), ("sample_date", list.Select(r => r.SampledOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))) })
            {
                if (values.Where(v => v is not null).Distinct().Count() > 1)
                {
                    problems.Add(new(list[0].Line, column, $"Lines of one certificate (lot {list[0].LotCode}, {list[0].Lab}, {list[0].ReportedOn:yyyy-MM-dd}) disagree on {column}."));
                }
            }
        }

        if (problems.Count > 0)
        {
            return new(null, problems.OrderBy(p => p.Line).ToList());
        }

        var imported = new List<ImportedCertificate>();
        var now = clock.GetUtcNow();
        foreach (var g in groups)
        {
            var list = g.ToList();
            var existing = await db.Certificates.AsNoTracking().Include(c => c.Results)
                .FirstOrDefaultAsync(c => c.LotId == g.Key.LotId && c.LabName == g.Key.Lab && c.ReportedOn == g.Key.ReportedOn, ct);
            if (existing is not null)
            {
                if (!SameResults(existing.Results, list.Select(r => r.Result)))
                {
                    problems.Add(new(list[0].Line, "report_date",
                        $"Lot {list[0].LotCode} already has a certificate from {g.Key.Lab} dated {g.Key.ReportedOn:yyyy-MM-dd} with different results; a corrected report needs its own report date."));
                    continue;
                }

                imported.Add(new(existing.Id, list[0].LotCode, existing.LabName, existing.ReportedOn, existing.Results.Count, AlreadyRecorded: true));
                continue;
            }

            var methods = list.Select(r => r.Result.Method).Where(m => m is not null).Distinct().ToList();
            var certificate = new Certificate
            {
                Id = Guid.NewGuid(), LotId = g.Key.LotId, LabName = g.Key.Lab,
                LabAccreditation = list.Select(r => r.Accreditation).FirstOrDefault(a => a is not null),
                Method = methods.Count == 0 ? null : Truncate(string.Join("; ", methods), 500),
                SampledOn = list.Select(r => r.SampledOn).FirstOrDefault(d => d is not null),
                ReportedOn = g.Key.ReportedOn, SourceFileHash = hash, RecordedAt = now, RecordedBy = userId,
                Results = list.Select(r => r.Result).ToList(),
            };
            db.Certificates.Add(certificate);
            imported.Add(new(certificate.Id, list[0].LotCode, certificate.LabName, certificate.ReportedOn, list.Count, AlreadyRecorded: false));
        }

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new(null, problems, IsConflict: true);
        }

        await db.SaveChangesAsync(ct);
        return new(new CoaImportResult(hash, imported), []);
    }

    private static CoaImportOutcome Fail(CsvProblem problem) => new(null, [problem]);

    private static bool SameResults(IEnumerable<CertificateResult> a, IEnumerable<CertificateResult> b)
    {
        static string Key(CertificateResult r) => FormattableString.Invariant($"{r.Analyte}|{r.Value:0.######}|{r.Unit}|{r.Qualifier}|{r.Lod:0.######}|{r.Loq:0.######}");
        return a.Select(Key).Order(StringComparer.Ordinal).SequenceEqual(b.Select(Key).Order(StringComparer.Ordinal));
    }

    private static decimal? Number(string text, int line, string column, List<CsvProblem> problems)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
        {
            if (Math.Round(d, ProductModel.ResultScale) != d || Math.Abs(d) >= 1_000_000_000_000m)
            {
                problems.Add(new(line, column, $"'{text}' has more than {ProductModel.ResultScale} decimals or is too large."));
                return null;
            }

            return d;
        }

        problems.Add(new(line, column, $"'{text}' is not a number; use digits with a '.' decimal point and no unit or '<' sign (put those in the unit and qualifier columns)."));
        return null;
    }

    private static DateOnly? Date(string text, int line, string column, List<CsvProblem> problems, bool required)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add(new(line, column, "A date (yyyy-mm-dd) is required."));
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        problems.Add(new(line, column, $"'{text}' is not a date; use yyyy-mm-dd."));
        return null;
    }

    /// <summary>Qualifier words labs use, normalised: detected; not-detected (ND); below-loq (&lt;LOQ); below-lod (&lt;LOD).</summary>
    public static ResultQualifier? Qualifier(string text) =>
        text.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) switch
        {
            "detected" or "quantified" or "present" => ResultQualifier.Detected,
            "notdetected" or "nd" or "absent" => ResultQualifier.NotDetected,
            "belowloq" or "<loq" => ResultQualifier.BelowLoq,
            "belowlod" or "<lod" => ResultQualifier.BelowLod,
            _ => null,
        };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
