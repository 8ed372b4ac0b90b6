using System.Security.Claims;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Liver;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Identity;
using Speciosa.Web.Liver;
using T = Speciosa.Clinical.Fhir.FhirTerminology;

namespace Speciosa.Web.Fhir;

/// <summary><c>POST /fhir</c> with a transaction Bundle of laboratory Observations (FHIR R4 http.html#transaction):
/// liver results enter through <see cref="LabRecords.RecordAsync"/>, the service the form, the JSON API and the CSV import
/// use — the same validation, the same alerts (saved through AlertBook with the results), the same audit. All or nothing:
/// every entry of every patient is checked, and one problem anywhere changes nothing (one database transaction).
/// Idempotent by the Observation's identifier: an Observation sent again is reported 200 and adds nothing.</summary>
public sealed class FhirLabImport(SpeciosaDbContext db, LabRecords labs, FhirChart chart)
{
    public const int MaxBytes = 2_000_000;
    public const int MaxEntries = LabRecords.MaxResultsPerRequest;

    private static readonly ObservationStatus[] AcceptedStatuses = [ObservationStatus.Final, ObservationStatus.Amended, ObservationStatus.Corrected];

    /// <summary>Where each of <see cref="LabRecords"/>' error keys is in an Observation (FHIRPath).</summary>
    private static readonly Dictionary<string, string> FieldPaths = new(StringComparer.Ordinal)
    {
        ["test"] = "code", ["loinc"] = "code", ["value"] = "valueQuantity.value", ["unit"] = "valueQuantity.code",
        ["uln"] = "referenceRange[0].high", ["referenceLow"] = "referenceRange[0].low", ["collectedAt"] = "effective",
        ["lab"] = "performer", ["identifier"] = "identifier",
    };

    public sealed record Outcome(int Status, Resource Body);

    public async Task<Outcome> ImportAsync(string json, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        Resource? parsed;
        try
        {
            parsed = FhirHttp.Engine.DeserializeFromJson(json);
        }
        catch (DeserializationFailedException e)
        {
            var problems = e.Exceptions.Take(20).Select(x => Issue(OperationOutcome.IssueType.Structure, x.Message, null)).ToList();
            return Refused(400, problems.Count > 0 ? problems : [Issue(OperationOutcome.IssueType.Structure, "The body is not a FHIR R4 resource in JSON.", null)]);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return Refused(400, [Issue(OperationOutcome.IssueType.Structure, "The body is not a FHIR R4 resource in JSON.", null)]);
        }

        if (parsed is not Bundle { Type: Bundle.BundleType.Transaction } bundle)
        {
            return Refused(400, [Issue(OperationOutcome.IssueType.NotSupported,
                $"POST to the base takes a Bundle of type transaction (got {(parsed is Bundle b ? "a Bundle of type " + b.Type?.ToString().ToLowerInvariant() : parsed?.TypeName ?? "nothing")}); it holds laboratory Observations.", "Bundle.type")]);
        }

        if (bundle.Entry.Count is 0 or > MaxEntries)
        {
            return Refused(400, [Issue(OperationOutcome.IssueType.Invalid, $"From 1 to {MaxEntries} entries.", "Bundle.entry")]);
        }

        // 1. Each entry as FHIR: a POST of a laboratory Observation of one of the catalogued liver tests.
        var issues = new List<OperationOutcome.IssueComponent>();
        var rows = new List<(int Index, Guid PatientId, LabResultRequest Request, string Identifier)>();
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            if (Read(bundle.Entry[i], i, issues) is { } row)
            {
                rows.Add((i, row.PatientId, row.Request, row.Identifier));
            }
        }

        // 2. Every patient named must be one the caller may see (another clinic's patient reads as not found).
        var patients = new Dictionary<Guid, Patients.Patient>();
        foreach (var patientId in rows.Select(r => r.PatientId).Distinct())
        {
            if (await chart.VisiblePatientAsync(user, patientId, ct) is { } patient)
            {
                patients[patientId] = patient;
            }
            else
            {
                foreach (var r in rows.Where(r => r.PatientId == patientId))
                {
                    issues.Add(Issue(OperationOutcome.IssueType.NotFound, $"Patient/{patientId} was not found.", $"Bundle.entry[{r.Index}].resource.subject"));
                }
            }
        }

        if (issues.Count > 0)
        {
            return Refused(400, issues);
        }

        // 3. The liver feature's own rules, per patient, in one transaction: any problem rolls every patient back.
        var userId = user.UserId()!.Value;
        var raised = new List<Alerts.AlertView>();
        var createdIds = new HashSet<Guid>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var group in rows.GroupBy(r => r.PatientId))
            {
                var entries = group.ToList();
                var (recorded, errors) = await labs.RecordAsync(patients[group.Key], entries.Select(e => e.Request).ToList(), userId, "fhir", ct,
                    i => $"Bundle.entry[{entries[i].Index}]", identifiers: entries.Select(e => (string?)e.Identifier).ToList());
                if (recorded is null)
                {
                    issues.AddRange(errors.Select(e => Issue(
                        e.Key.EndsWith(".identifier", StringComparison.Ordinal) ? OperationOutcome.IssueType.Duplicate : OperationOutcome.IssueType.Invalid,
                        string.Join(" ", e.Value), PathOf(e.Key))));
                }
                else
                {
                    raised.AddRange(recorded.RaisedAlerts);
                    createdIds.UnionWith(recorded.Recorded.Select(v => v.Id));
                }
            }

            if (issues.Count > 0)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return Refused(400, issues);
            }

            await tx.CommitAsync(ct);
        }

        // 4. The transaction-response: each entry's Observation (new: 201 Created; already recorded: 200 OK).
        var ids = rows.Select(r => r.Identifier).ToList();
        var keys = patients.Keys.ToList();
        var stored = await db.LabResults.AsNoTracking().Where(r => keys.Contains(r.PatientId) && !r.EnteredInError).ToListAsync(ct);
        var response = new Bundle { Id = Guid.NewGuid().ToString(), Type = Bundle.BundleType.TransactionResponse };
        var created = 0;
        foreach (var row in rows)
        {
            var collected = LabRecords.ToMicroseconds(row.Request.CollectedAt!.Value);
            var match = stored.FirstOrDefault(r => r.PatientId == row.PatientId && r.SourceIdentifier == row.Identifier)
                ?? stored.FirstOrDefault(r => r.PatientId == row.PatientId && r.Loinc == row.Request.Loinc && r.CollectedAt == collected);
            var isNew = match is not null && createdIds.Contains(match.Id);
            created += isNew ? 1 : 0;
            response.Entry.Add(new Bundle.EntryComponent
            {
                Response = new Bundle.ResponseComponent
                {
                    Status = isNew ? "201 Created" : "200 OK",
                    Location = match is null ? null : "Observation/" + match.Id,
                },
            });
        }

        http.Audit().ResourceId = $"Bundle: {created} new of {rows.Count}";
        if (patients.Count == 1)
        {
            http.Audit().PatientId = patients.Keys.Single();
        }

        if (raised.Count > 0)
        {
            response.Entry[0].Response!.Outcome = new OperationOutcome
            {
                Issue = raised.Select(a => Issue(OperationOutcome.IssueType.Informational, $"Alert raised: {a.Message} (rule {a.RuleId}; threshold {a.Threshold}; source {a.SourceCitation})", null, OperationOutcome.IssueSeverity.Information)).ToList(),
            };
        }

        return new Outcome(200, response);
    }

    private static (Guid PatientId, LabResultRequest Request, string Identifier)? Read(Bundle.EntryComponent entry, int i, List<OperationOutcome.IssueComponent> issues)
    {
        var at = $"Bundle.entry[{i}]";
        var before = issues.Count;
        if (entry.Request is not { Method: Bundle.HTTPVerb.POST } request || (request.Url?.TrimEnd('/') is not "Observation"))
        {
            issues.Add(Issue(OperationOutcome.IssueType.NotSupported, "Each entry is a POST to Observation (request.method POST, request.url Observation).", at + ".request"));
        }

        if (entry.Resource is not Observation o)
        {
            issues.Add(Issue(OperationOutcome.IssueType.NotSupported, $"Only laboratory Observations are imported (got {entry.Resource?.TypeName ?? "no resource"}).", at + ".resource"));
            return null;
        }

        var r = at + ".resource";
        var identifier = o.Identifier.FirstOrDefault(x => !string.IsNullOrWhiteSpace(x.System) && !string.IsNullOrWhiteSpace(x.Value));
        if (identifier is null)
        {
            issues.Add(Issue(OperationOutcome.IssueType.Required, "An identifier with system and value (the lab's id of this result): it makes a re-sent Bundle add nothing.", r + ".identifier"));
        }

        if (o.Status is not { } status || !AcceptedStatuses.Contains(status))
        {
            issues.Add(Issue(OperationOutcome.IssueType.Value, "status: final, amended or corrected (a preliminary or cancelled result is not entered).", r + ".status"));
        }

        if (o.Category.Count > 0 && !o.Category.Any(c => c.Coding.Any(cd => cd.System == T.ObservationCategory && cd.Code == "laboratory")))
        {
            issues.Add(Issue(OperationOutcome.IssueType.Value, $"category: {T.ObservationCategory}|laboratory.", r + ".category"));
        }

        var catalogue = LiverTestCatalogue.Default;
        var loinc = o.Code?.Coding.Where(c => c.System == T.Loinc).Select(c => c.Code).FirstOrDefault(c => catalogue.Tests.Any(t => t.Loinc == c));
        if (loinc is null)
        {
            issues.Add(Issue(OperationOutcome.IssueType.CodeInvalid,
                $"code: a LOINC coding (system {T.Loinc}) of a liver test: {string.Join(", ", catalogue.Tests.Select(t => $"{t.Loinc} {t.Name}"))}.", r + ".code"));
        }

        var quantity = o.Value as Quantity;
        if (quantity?.Value is null || quantity.System != T.Ucum || string.IsNullOrWhiteSpace(quantity.Code))
        {
            var units = loinc is null ? "" : " For this test: " + string.Join(", ", catalogue.Tests.First(t => t.Loinc == loinc).AcceptedUnits.Select(u => u.Unit)) + ".";
            issues.Add(Issue(OperationOutcome.IssueType.Value, $"valueQuantity with value, system {T.Ucum} and the UCUM code of the unit.{units}", r + ".valueQuantity"));
        }

        var range = o.ReferenceRange.FirstOrDefault();
        foreach (var (limit, name) in new[] { (range?.High, "high"), (range?.Low, "low") })
        {
            if (limit is not null && quantity is not null && (limit.Value is null || (limit.Code ?? quantity.Code) != quantity.Code))
            {
                issues.Add(Issue(OperationOutcome.IssueType.Value, $"referenceRange[0].{name}: a value in the result's own unit ({quantity.Code}).", $"{r}.referenceRange[0].{name}"));
            }
        }

        DateTimeOffset? collectedAt = null;
        if (o.Effective is FhirDateTime effective && effective.Value is { Length: > 10 } && effective.TryToDateTimeOffset(out var when))
        {
            collectedAt = when;
        }
        else
        {
            issues.Add(Issue(OperationOutcome.IssueType.Required, "effectiveDateTime: the collection time with its time zone (e.g. 2026-11-30T08:15:00+01:00).", r + ".effective"));
        }

        var subject = o.Subject?.Reference;
        var patientId = Guid.Empty;
        if (subject is null || !subject.StartsWith("Patient/", StringComparison.Ordinal) || !Guid.TryParse(subject["Patient/".Length..], out patientId))
        {
            issues.Add(Issue(OperationOutcome.IssueType.Required, "subject: a reference Patient/{id} to a patient of this server.", r + ".subject"));
        }

        if (issues.Count > before)
        {
            return null;
        }

        return (patientId, new LabResultRequest(null, loinc, quantity!.Value, quantity.Code, range?.High?.Value, range?.Low?.Value, collectedAt,
            LabName: o.Performer.FirstOrDefault()?.Display), identifier!.System + "|" + identifier.Value);
    }

    private static string PathOf(string key)
    {
        var dot = key.LastIndexOf('.');
        var field = dot < 0 ? "" : key[(dot + 1)..];
        return FieldPaths.TryGetValue(field, out var path) ? key[..dot] + ".resource." + path : key;
    }

    private static OperationOutcome.IssueComponent Issue(OperationOutcome.IssueType code, string diagnostics, string? expression,
        OperationOutcome.IssueSeverity severity = OperationOutcome.IssueSeverity.Error) => new()
    {
        Severity = severity,
        Code = code,
        Diagnostics = diagnostics,
        Expression = expression is null ? [] : [expression],
    };

    private static Outcome Refused(int status, List<OperationOutcome.IssueComponent> issues) =>
        new(status, new OperationOutcome { Issue = issues });
}
