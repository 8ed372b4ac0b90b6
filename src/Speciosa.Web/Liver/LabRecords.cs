using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Liver;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Liver;

/// <summary>Records liver test results (API, page form, CSV) and evaluates them with the clinical core in the same
/// SaveChanges as the alerts they raise or clear. Everything entered at once is all-or-nothing. A result with the same
/// test and collection time as a stored one is skipped when identical (idempotent re-import) and refused otherwise.</summary>
public sealed class LabRecords(SpeciosaDbContext db, TimeProvider clock, LiverReview review)
{
    public const int MaxResultsPerRequest = 500;

    /// <summary>Test codes accepted on input, besides the LOINC codes.</summary>
    public static readonly IReadOnlyDictionary<string, LiverTest> TestCodes = new Dictionary<string, LiverTest>(StringComparer.OrdinalIgnoreCase)
    {
        ["alt"] = LiverTest.Alt, ["ast"] = LiverTest.Ast, ["alp"] = LiverTest.Alp,
        ["total-bilirubin"] = LiverTest.TotalBilirubin, ["ggt"] = LiverTest.Ggt, ["inr"] = LiverTest.Inr,
    };

    /// <summary>Validates every result (errors keyed <c>{prefix}{index}.{field}</c>), then stores them with the alerts.
    /// <paramref name="identifiers"/> (one per request, or null): the sender's identifier of each result (a FHIR
    /// Observation's <c>system|value</c>); a result whose identifier is already stored for the patient is skipped when
    /// it is the same result and refused (key <c>.identifier</c>) when it is not.</summary>
    public async Task<(LabRecorded? Recorded, Dictionary<string, string[]> Errors)> RecordAsync(
        Patient patient, IReadOnlyList<LabResultRequest> requests, Guid userId, string enteredVia, CancellationToken ct,
        Func<int, string>? keyOf = null, Dictionary<string, string[]>? priorErrors = null, IReadOnlyList<string?>? identifiers = null)
    {
        keyOf ??= i => $"results[{i}]";
        var errors = new Dictionary<string, string[]>(priorErrors ?? []);
        var now = clock.GetUtcNow();
        if (requests.Count == 0 || requests.Count > MaxResultsPerRequest)
        {
            errors["results"] = [$"From 1 to {MaxResultsPerRequest} results."];
            return (null, errors);
        }

        // The patient's results are read once, tracked, and serve both the duplicate check and the alert evaluation; the
        // check is a lookup by (test, collection time), so a request costs the same however long the history is.
        var known = (await review.CurrentResultsAsync(patient.Id, ct))
            .GroupBy(r => (r.Test, r.CollectedAt)).ToDictionary(g => g.Key, g => g.First());
        var wantedIds = identifiers?.Where(id => id is not null).Select(id => id!).Distinct(StringComparer.Ordinal).ToList() ?? [];
        var byIdentifier = wantedIds.Count == 0 ? [] : (await db.LabResults.AsNoTracking()
                .Where(r => r.PatientId == patient.Id && r.SourceIdentifier != null && wantedIds.Contains(r.SourceIdentifier)).ToListAsync(ct))
            .ToDictionary(r => r.SourceIdentifier!, StringComparer.Ordinal);
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<LabResult>();
        var unchanged = 0;
        for (var i = 0; i < requests.Count; i++)
        {
            var key = keyOf(i);
            var result = Validate(requests[i], now, key, errors);
            if (result is null)
            {
                continue;
            }

            if (identifiers?[i] is { } identifier)
            {
                if (identifier.Length > 300)
                {
                    errors[$"{key}.identifier"] = ["At most 300 characters (system|value)."];
                    continue;
                }

                if (!seenIds.Add(identifier))
                {
                    errors[$"{key}.identifier"] = [$"The identifier {identifier} is sent twice; each result needs its own."];
                    continue;
                }

                if (byIdentifier.TryGetValue(identifier, out var stored))
                {
                    if (stored.Test == result.Test && stored.CollectedAt == result.CollectedAt && stored.Value == result.Value && stored.Unit == result.Unit)
                    {
                        unchanged++;
                    }
                    else
                    {
                        errors[$"{key}.identifier"] = [$"The result {identifier} is already recorded with another test, time or value; mark that result entered in error first."];
                    }

                    continue;
                }

                result.SourceIdentifier = identifier;
            }

            result.PatientId = patient.Id;
            result.RecordedByUserId = userId;
            result.RecordedAt = now;
            result.EnteredVia = enteredVia;
            if (!known.TryGetValue((result.Test, result.CollectedAt), out var same))
            {
                fresh.Add(result);
                known[(result.Test, result.CollectedAt)] = result;
            }
            else if (same.Value == result.Value && same.Unit == result.Unit && same.UpperLimitOfNormal == result.UpperLimitOfNormal
                && same.IsBaseline == result.IsBaseline)
            {
                unchanged++;
            }
            else
            {
                errors[$"{key}.value"] = [$"{result.Test} collected {result.CollectedAt:O} is already recorded with another value; mark that result entered in error first."];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        db.LabResults.AddRange(fresh);
        var (added, resolved, restage) = await review.StageAlertsAsync(patient, now, ct, resultsLoaded: true);
        added = await AlertBook.SaveAsync(db, added, restage, ct);
        var views = Views(fresh);
        return (new LabRecorded(views, unchanged, added.Select(AlertBook.ViewOf).ToList(), resolved.Select(AlertBook.ViewOf).ToList()), errors);
    }

    /// <summary>Parses a CSV (header row; columns test, value, unit, collectedAt required; loinc, uln, referenceLow,
    /// baseline, lab optional) and records all of it or nothing. Errors are keyed <c>line {n}.{column}</c>.</summary>
    public async Task<(LabRecorded? Recorded, Dictionary<string, string[]> Errors)> ImportCsvAsync(
        Patient patient, string csv, Guid userId, CancellationToken ct)
    {
        var (rows, lineNumbers, errors) = LabCsv.Parse(csv);
        if (rows.Count == 0)
        {
            return (null, errors);
        }

        // Cell problems and rule problems of every line are reported together; nothing is stored if there is any.
        return await RecordAsync(patient, rows, userId, "csv", ct, i => $"line {lineNumbers[i]}", errors);
    }

    public async Task<(LabResult? Result, LabRecorded? Effect, string? Problem)> MarkEnteredInErrorAsync(
        Patient patient, Guid labId, string? reason, CancellationToken ct)
    {
        var result = await db.LabResults.FirstOrDefaultAsync(r => r.Id == labId && r.PatientId == patient.Id, ct);
        if (result is null)
        {
            return (null, null, null);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            return (result, null, "A reason of 1 to 500 characters.");
        }

        if (!result.EnteredInError)
        {
            result.EnteredInError = true;
            result.EnteredInErrorReason = reason.Trim();
            result.EnteredInErrorAt = clock.GetUtcNow();
        }

        var (added, resolved, restage) = await review.StageAlertsAsync(patient, clock.GetUtcNow(), ct);
        added = await AlertBook.SaveAsync(db, added, restage, ct);
        return (result, new LabRecorded(Views([result]), 0, added.Select(AlertBook.ViewOf).ToList(), resolved.Select(AlertBook.ViewOf).ToList()), null);
    }

    public async Task<IReadOnlyList<LabResultView>> ListAsync(Guid patientId, CancellationToken ct) =>
        Views((await db.LabResults.AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync(ct))
            .OrderByDescending(r => r.CollectedAt).ThenBy(r => r.Test).ToList());

    public IReadOnlyList<LabResultView> Views(IReadOnlyList<LabResult> results) => results.Select(View).ToList();

    public LabResultView View(LabResult r)
    {
        var m = LiverMeasurement.From(LiverReview.ToCore(r), review.Settings.Defaults);
        return new LabResultView(r.Id, r.Test, r.Loinc, r.Value, r.Unit, r.ReferenceLow, m.ReportedUpperLimitOfNormal, m.UlnOrigin.ToString(),
            m.TimesUln is { } t ? decimal.Round(t.Ratio, 2) : null, decimal.Round(m.Value, 3), m.Unit, m.ConversionUnconfirmed,
            r.CollectedAt, r.IsBaseline, r.LabName, r.EnteredVia, r.EnteredInError, r.EnteredInErrorReason);
    }

    private LabResult? Validate(LabResultRequest r, DateTimeOffset now, string key, Dictionary<string, string[]> errors)
    {
        var catalogue = LiverTestCatalogue.Default;
        LiverTest? test = null;
        if (r.Test is { } code && TestCodes.TryGetValue(code.Trim(), out var byCode))
        {
            test = byCode;
        }
        else if (r.Test is null && r.Loinc is { } loinc && catalogue.Tests.FirstOrDefault(t => t.Loinc == loinc.Trim()) is { } byLoinc)
        {
            test = byLoinc.Test;
        }

        if (test is null)
        {
            errors[$"{key}.test"] = [$"Allowed: {string.Join(", ", TestCodes.Keys)} (or a catalogued LOINC: {string.Join(", ", catalogue.Tests.Select(t => t.Loinc))})."];
            return null;
        }

        var definition = catalogue.Get(test.Value);
        var ok = true;
        void Fail(string field, string message)
        {
            errors.TryAdd($"{key}.{field}", [message]); // a CSV parse problem on the same cell says more
            ok = false;
        }

        if (r.Loinc is { } given && given.Trim() != definition.Loinc)
        {
            Fail("loinc", $"{test} is LOINC {definition.Loinc}.");
        }

        if (r.Value is not { } value || value < 0 || value > 1_000_000)
        {
            Fail("value", "A number from 0 to 1000000.");
        }

        if (r.Unit is null || catalogue.FindUnit(test.Value, r.Unit.Trim()) is null)
        {
            Fail("unit", $"UCUM units accepted for {test}: {string.Join(", ", definition.AcceptedUnits.Select(u => u.Unit))} (case-sensitive).");
        }

        if (r.UpperLimitOfNormal is { } uln && (uln <= 0 || uln > 1_000_000))
        {
            Fail("uln", "The lab's upper limit of normal: a number above 0, in the same unit as the value.");
        }
        else if (r.UpperLimitOfNormal is null && test != LiverTest.Inr && !review.Settings.Defaults.TryGet(test.Value, out _, out _))
        {
            Fail("uln", $"Give the reporting lab's upper limit of normal; no clinic default is configured for {test}.");
        }

        if (r.ReferenceLow is { } low && (low < 0 || (r.UpperLimitOfNormal is { } u && low >= u)))
        {
            Fail("referenceLow", "At least 0 and below the upper limit of normal.");
        }

        if (r.CollectedAt is not { } at)
        {
            Fail("collectedAt", "The collection time is required (ISO 8601 with offset).");
        }
        else if (at > now.AddMinutes(5))
        {
            Fail("collectedAt", "The collection time is in the future.");
        }

        if (r.LabName is { Length: > 200 })
        {
            Fail("lab", "At most 200 characters.");
        }

        return !ok ? null : new LabResult
        {
            Id = Guid.NewGuid(), Test = test.Value.ToString(), Loinc = definition.Loinc, Value = r.Value!.Value, Unit = r.Unit!.Trim(),
            UpperLimitOfNormal = r.UpperLimitOfNormal, ReferenceLow = r.ReferenceLow, CollectedAt = ToMicroseconds(r.CollectedAt!.Value),
            IsBaseline = r.IsBaseline, LabName = string.IsNullOrWhiteSpace(r.LabName) ? null : r.LabName.Trim(), EnteredVia = "api",
        };
    }

    /// <summary>The collection time in UTC to the microsecond, the precision PostgreSQL keeps: a re-sent result then
    /// matches the stored one on either database, and the duplicate check finds it.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
