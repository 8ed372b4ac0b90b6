using System.Globalization;
using System.Security.Claims;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Audit;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Fhir;

/// <summary>/fhir: a read-only FHIR R4 server over the chart (docs/fhir.md). Care staff only (policy Clinical, as the
/// API's vitals and labs writes); every request is audited like the API's reads (the CapabilityStatement, which holds no data, is open without sign-in); a patient
/// the caller may not see, and anything of theirs, is 404.</summary>
public static class FhirEndpoints
{
    public const int DefaultCount = 50;
    public const int MaxCount = 100;

    private static readonly string[] PagingParameters = ["_count", "_offset"];

    /// <summary>The search parameters each type accepts (anything else is a 400 naming it).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SearchParameters = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Patient"] = ["_id"],
        ["Observation"] = ["patient", "category", "code"],
        ["DiagnosticReport"] = ["patient"],
        ["QuestionnaireResponse"] = ["patient"],
        ["DetectedIssue"] = ["patient"],
        ["MedicationAdministration"] = ["patient"],
        ["MedicationStatement"] = ["patient"],
        ["AdverseEvent"] = ["patient"],
        ["MedicationRequest"] = ["patient"],
        ["Flag"] = ["patient"],
        ["CarePlan"] = ["patient"],
        ["Medication"] = ["_id"],
        ["Questionnaire"] = ["url"],
    };

    public static IEndpointRouteBuilder MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup(FhirHttp.PathPrefix).WithTags("FHIR").ExcludeFromDescription();

        fhir.MapGet("/metadata", (HttpRequest request, TimeProvider clock) => FhirHttp.Resource(FhirCapability.Statement(FhirHttp.BaseUrl(request), clock.GetUtcNow())))
            .Audited("fhir.metadata", "CapabilityStatement")
            .AllowAnonymous(); // what the server serves, no data: FHIR clients read it before they sign in (R4 http.html#capabilities)

        fhir.MapFhirExport(); // Bulk Data $export (FhirExportEndpoints)
        // A transaction Bundle is POSTed to the base (R4 http.html#transaction): laboratory Observations in (FhirLabImport).
        fhir.MapPost("/", ImportAsync)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(FhirLabImport.MaxBytes))
            .Audited("fhir.import", "LabResult").RequireAuthorization(Policies.Clinical);
        fhir.MapGet("/{type}/{id}", ReadAsync).Audited("fhir.read", "FhirResource").RequireAuthorization(Policies.Clinical);
        fhir.MapGet("/{type}", SearchAsync).Audited("fhir.search", "FhirResource").RequireAuthorization(Policies.Clinical);
        fhir.MapGet("/Patient/{id}/$everything", EverythingAsync).Audited("fhir.everything", "FhirResource").RequireAuthorization(Policies.Clinical);
        return app;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, ClaimsPrincipal user, FhirLabImport import, CancellationToken ct)
    {
        if (http.Request.ContentLength > FhirLabImport.MaxBytes)
        {
            return FhirHttp.Outcome(413, $"At most {FhirLabImport.MaxBytes} bytes.");
        }

        using var reader = new StreamReader(http.Request.Body);
        var json = await reader.ReadToEndAsync(ct);
        var outcome = await import.ImportAsync(json, user, http, ct);
        return FhirHttp.Resource(outcome.Body, outcome.Status);
    }

    private static async Task<IResult> ReadAsync(string type, string id, HttpContext http, ClaimsPrincipal user, FhirChart chart, CancellationToken ct)
    {
        if (!SearchParameters.ContainsKey(type))
        {
            return UnknownType(type);
        }

        http.Audit().ResourceId = type + "/" + (id.Length > 64 ? id[..64] : id);
        if (type == "Questionnaire")
        {
            return FhirInstruments.Find(id) is { } instrument
                ? FhirHttp.Resource(FhirResources.Questionnaire(instrument))
                : NotFound(type, id);
        }

        if (type == "Medication")
        {
            var medication = Guid.TryParse(id, out var lotId) && user.ClinicIdOf() is { } clinic
                ? (await chart.MedicationsAsync(clinic, [lotId], ct)).FirstOrDefault()
                : null;
            return medication is null ? NotFound(type, id) : FhirHttp.Resource(medication);
        }

        if (await chart.OwnerOfAsync(type, id, ct) is not { } owner || await chart.VisiblePatientAsync(user, owner, ct) is not { } patient)
        {
            return NotFound(type, id);
        }

        http.Audit().PatientId = patient.Id;
        var found = (await chart.ChartAsync(patient, ct)).FirstOrDefault(r => r.TypeName == type && r.Id == id);
        return found is null ? NotFound(type, id) : FhirHttp.Resource(found);
    }

    private static async Task<IResult> SearchAsync(string type, HttpContext http, ClaimsPrincipal user, FhirChart chart, CancellationToken ct)
    {
        if (!SearchParameters.TryGetValue(type, out var allowed))
        {
            return UnknownType(type);
        }

        var query = http.Request.Query;
        if (query.Keys.FirstOrDefault(k => !allowed.Contains(k, StringComparer.Ordinal) && !PagingParameters.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            return FhirHttp.Outcome(400, $"Search parameter '{unknown}' is not supported on {type}. Supported: {string.Join(", ", allowed.Concat(PagingParameters))}.", OperationOutcome.IssueType.NotSupported);
        }

        if (Paging(query, out var count, out var offset) is { } pagingProblem)
        {
            return pagingProblem;
        }

        IReadOnlyList<Resource> matches;
        if (type == "Patient")
        {
            var patients = chart.VisiblePatients(user);
            if (query.TryGetValue("_id", out var ids))
            {
                var wanted = ids.ToString().Split(',').Select(s => Guid.TryParse(s.Trim(), out var g) ? g : Guid.Empty).ToList();
                patients = patients.Where(p => wanted.Contains(p.Id));
            }

            var total = await patients.CountAsync(ct);
            var page = await patients.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id).Skip(offset).Take(count).ToListAsync(ct);
            http.Audit().Showed(page.Select(p => p.Id));
            return FhirHttp.Resource(Searchset(http.Request, type, page.Select(FhirResources.Patient).ToList<Resource>(), total, count, offset));
        }

        if (type == "Questionnaire")
        {
            var url = query.TryGetValue("url", out var u) ? u.ToString() : null;
            matches = FhirInstruments.All.Select(FhirResources.Questionnaire)
                .Where(q => url is null || q.Url == url || q.Url + "|" + q.Version == url).ToList<Resource>();
            return FhirHttp.Resource(Searchset(http.Request, type, matches.Skip(offset).Take(count).ToList(), matches.Count, count, offset));
        }

        if (type == "Medication")
        {
            var clinic = user.ClinicIdOf() ?? Guid.Empty;
            var ids = query.TryGetValue("_id", out var idValues)
                ? idValues.ToString().Split(',').Select(s => Guid.TryParse(s.Trim(), out var g) ? g : Guid.Empty).ToList()
                : null;
            matches = await chart.MedicationsAsync(clinic, ids, ct);
            return FhirHttp.Resource(Searchset(http.Request, type, matches.Skip(offset).Take(count).ToList(), matches.Count, count, offset));
        }

        if (!query.TryGetValue("patient", out var patientValue) || string.IsNullOrWhiteSpace(patientValue))
        {
            return FhirHttp.Outcome(400, $"Search {type} with patient=<Patient id>: this server searches one patient's chart at a time.", OperationOutcome.IssueType.Required);
        }

        var raw = patientValue.ToString();
        raw = raw.StartsWith("Patient/", StringComparison.Ordinal) ? raw["Patient/".Length..] : raw;
        if (!Guid.TryParse(raw, out var patientId) || await chart.VisiblePatientAsync(user, patientId, ct) is not { } patient)
        {
            // Another clinic's patient is an empty result, the same as no patient at all.
            http.Audit().Showed([]);
            return FhirHttp.Resource(Searchset(http.Request, type, [], 0, count, offset));
        }

        http.Audit().PatientId = patient.Id;
        http.Audit().Showed([patient.Id]);
        IEnumerable<Resource> selected = (await chart.ResourcesOfAsync(patient, ct)).Where(r => r.TypeName == type);
        if (type == "Observation" && query.TryGetValue("category", out var category))
        {
            var wanted = Tokens(category.ToString());
            selected = selected.OfType<Observation>().Where(o => o.Category.Any(c => c.Coding.Any(cd => Matches(wanted, cd))));
        }

        if (type == "Observation" && query.TryGetValue("code", out var code))
        {
            var wanted = Tokens(code.ToString());
            selected = selected.OfType<Observation>().Where(o => o.Code.Coding.Any(cd => Matches(wanted, cd)));
        }

        matches = selected.ToList();
        return FhirHttp.Resource(Searchset(http.Request, type, matches.Skip(offset).Take(count).ToList(), matches.Count, count, offset));
    }

    private static async Task<IResult> EverythingAsync(string id, HttpContext http, ClaimsPrincipal user, FhirChart chart, CancellationToken ct)
    {
        http.Audit().ResourceId = "Patient/" + (id.Length > 64 ? id[..64] : id);
        var query = http.Request.Query;
        if (query.Keys.FirstOrDefault(k => !PagingParameters.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            return FhirHttp.Outcome(400, $"Parameter '{unknown}' is not supported on $everything. Supported: {string.Join(", ", PagingParameters)}.", OperationOutcome.IssueType.NotSupported);
        }

        if (Paging(query, out var count, out var offset) is { } pagingProblem)
        {
            return pagingProblem;
        }

        if (!Guid.TryParse(id, out var patientId) || await chart.VisiblePatientAsync(user, patientId, ct) is not { } patient)
        {
            return NotFound("Patient", id);
        }

        http.Audit().PatientId = patient.Id;
        var everything = await chart.ChartAsync(patient, ct);
        var bundle = Searchset(http.Request, "Patient/" + patient.Id + "/$everything", everything.Skip(offset).Take(count).ToList(), everything.Count, count, offset);
        return FhirHttp.Resource(bundle);
    }

    private static IResult? Paging(IQueryCollection query, out int count, out int offset)
    {
        count = DefaultCount;
        offset = 0;
        if (query.TryGetValue("_count", out var c) && (!int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxCount))
        {
            return FhirHttp.Outcome(400, $"_count: a whole number from 1 to {MaxCount}.");
        }

        if (query.TryGetValue("_offset", out var o) && (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return FhirHttp.Outcome(400, "_offset: a whole number from 0.");
        }

        return null;
    }

    /// <summary>A searchset page: the total, a self link and, while more remain, a next link (and a previous one).</summary>
    private static Bundle Searchset(HttpRequest request, string path, IReadOnlyList<Resource> page, int total, int count, int offset)
    {
        var baseUrl = FhirHttp.BaseUrl(request);
        var kept = request.Query.Where(q => !PagingParameters.Contains(q.Key, StringComparer.Ordinal))
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? ""))).ToList();
        string Link(int at) => baseUrl + "/" + path + "?" + string.Join("&", kept.Append("_count=" + count).Append("_offset=" + at));

        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Type = Bundle.BundleType.Searchset,
            Total = total,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = Link(offset) }],
            Entry = page.Select(r => new Bundle.EntryComponent
            {
                FullUrl = baseUrl + "/" + r.TypeName + "/" + r.Id,
                Resource = r,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            }).ToList(),
        };
        if (offset + count < total)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Link(offset + count) });
        }

        if (offset > 0)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "previous", Url = Link(Math.Max(0, offset - count)) });
        }

        return bundle;
    }

    private static IReadOnlyList<(string? System, string Code)> Tokens(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Contains('|', StringComparison.Ordinal) ? (t[..t.IndexOf('|', StringComparison.Ordinal)], t[(t.IndexOf('|', StringComparison.Ordinal) + 1)..]) : ((string?)null, t))
            .ToList();

    private static bool Matches(IReadOnlyList<(string? System, string Code)> wanted, Coding coding) =>
        wanted.Any(w => w.Code == coding.Code && (w.System is null || w.System.Length == 0 || w.System == coding.System));

    private static IResult UnknownType(string type) =>
        FhirHttp.Outcome(404, $"This server does not serve the resource type '{(type.Length > 40 ? type[..40] : type)}'. Served: {string.Join(", ", FhirChart.Types)}.", OperationOutcome.IssueType.NotSupported);

    private static IResult NotFound(string type, string id) =>
        FhirHttp.Outcome(404, $"{type} '{(id.Length > 64 ? id[..64] : id)}' was not found.", OperationOutcome.IssueType.NotFound);
}
