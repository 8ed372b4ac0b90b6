using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.DrugTesting;
using Speciosa.Clinical.Withdrawal;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Medicines;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.DrugTesting;

public sealed record DrugTestResultRequest(string? Analyte, string? Method, string? Technique, string? Result, decimal? CutoffNgPerMl);

public sealed record DrugTestRequest([Http.ClinicalTime] DateTimeOffset? CollectedAt, IReadOnlyList<DrugTestResultRequest>? Results, string? Note);

public sealed record DrugTestResultView(string Analyte, string AnalyteName, string Method, string? Technique, string Result, decimal? CutoffNgPerMl,
    string Reading, string Explanation, IReadOnlyList<string> Notes);

public sealed record DrugTestView(Guid Id, Guid PatientId, string Specimen, DateTimeOffset CollectedAt, bool OnKratomRegimen,
    IReadOnlyList<string> MedicinesReadAgainst, string? Note, DateTimeOffset RecordedAt, IReadOnlyList<DrugTestResultView> Results);

public sealed record DrugTestRecorded(DrugTestView Test, IReadOnlyList<AlertView> RaisedAlerts);

public sealed record DrugTestWriteResult(Outcome Outcome, DrugTestRecorded? Recorded = null);

/// <summary>Issue 13 part 5: records a urine drug test and its results, reads each result against the medicine list
/// (<see cref="MedicineQueries"/>) and the kratom regimen on the collection day (<see cref="RegimenQueries"/>) with the core's
/// <see cref="DrugTestInterpretation"/>, and saves the unexpected-fentanyl alert in the same SaveChanges.</summary>
public sealed class DrugTestRecords(SpeciosaDbContext db, MedicineQueries medicines, RegimenQueries regimens, TimeProvider clock)
{
    private sealed record StoredMedicine(string Name, IReadOnlyList<string> ClassIds);

    public async Task<DrugTestWriteResult> RecordAsync(Patient patient, DrugTestRequest request, Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (request.CollectedAt is not { } collected)
        {
            errors["collectedAt"] = ["When the specimen was collected is required (ISO 8601 with offset)."];
        }
        else if (RecordedTime.ProblemIfInFuture("collectedAt", collected, now) is { } future)
        {
            errors["collectedAt"] = [future];
        }

        var results = request.Results ?? [];
        if (results.Count == 0)
        {
            errors["results"] = ["At least one result: analyte, method (immunoassay or confirmation) and result (positive or negative)."];
        }

        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            foreach (var (key, value) in DrugTestInterpretation.Check(i, r.Analyte, r.Method, r.Result, r.CutoffNgPerMl))
            {
                errors[key] = value;
            }

            if (r.Technique is { Length: > 64 })
            {
                errors[$"results[{i}].technique"] = ["At most 64 characters (e.g. LC-MS/MS)."];
            }
        }

        var duplicate = results.Select((r, i) => (Key: $"{r.Analyte?.ToLowerInvariant()}|{r.Method}", i)).GroupBy(x => x.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors[$"results[{duplicate.Skip(1).First().i}].analyte"] = ["Each analyte once per method in one test."];
        }

        if (request.Note is { Length: > 500 })
        {
            errors["note"] = ["At most 500 characters."];
        }

        if (errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        var current = await medicines.CurrentAsync(patient.Id, ct);
        var prescribed = current.Select(m => new PrescribedMedicine(m.Name, m.ClassIds)).ToList();
        var onKratom = await regimens.HasActiveRegimenAsync(patient.Id, request.CollectedAt!.Value, ct);
        var interpreted = DrugTestInterpretation.Interpret(
            results.Select(r => new DrugTestResult(DrugTestCatalogue.Default.Find(r.Analyte)!.Id, r.Method!, Trim(r.Technique), r.Result == "positive", r.CutoffNgPerMl)).ToList(),
            prescribed, onKratom);

        var test = new DrugTest
        {
            Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, Specimen = "urine",
            CollectedAt = request.CollectedAt!.Value.ToUniversalTime(), OnKratomRegimen = onKratom,
            MedicinesJson = Clip(JsonSerializer.Serialize(prescribed.Select(m => new StoredMedicine(m.Name, m.ClassIds))), 4000),
            Note = Trim(request.Note), RecordedAt = now, RecordedBy = userId,
        };
        var rows = interpreted.Select(i => new DrugTestResultRow
        {
            Id = Guid.NewGuid(), DrugTestId = test.Id, Analyte = i.Analyte.Id, Method = i.Result.Method, Technique = i.Result.Technique,
            Positive = i.Result.Positive, CutoffNgPerMl = i.Result.CutoffNgPerMl, Reading = ReadingText(i.Reading), Explanation = Clip(i.Explanation, 500),
        }).ToList();
        db.DrugTests.Add(test);
        db.DrugTestResults.AddRange(rows);

        var raised = DrugTestInterpretation.Alerts(test.Id.ToString(), interpreted, test.CollectedAt, prescribed);
        var added = await AlertBook.SaveAsync(db, await AlertBook.AddNewAsync(db, patient, raised, now, ct),
            () => AlertBook.AddNewAsync(db, patient, raised, now, ct), ct);
        return new(Outcome.Done, new DrugTestRecorded(ViewOf(test, rows), added.Select(AlertBook.ViewOf).ToList()));
    }

    /// <summary>The patient's drug tests, newest specimen first.</summary>
    public async Task<IReadOnlyList<DrugTestView>> ListAsync(Guid patientId, CancellationToken ct = default)
    {
        var tests = await db.DrugTests.AsNoTracking().Where(t => t.PatientId == patientId).ToListAsync(ct);
        var ids = tests.Select(t => t.Id).ToList();
        var rows = (await db.DrugTestResults.AsNoTracking().Where(r => ids.Contains(r.DrugTestId)).ToListAsync(ct)).ToLookup(r => r.DrugTestId);
        return tests.OrderByDescending(t => t.CollectedAt).Select(t => ViewOf(t, rows[t.Id].ToList())).ToList();
    }

    public static string ReadingText(ResultReading reading) => reading switch
    {
        ResultReading.ExpectedPositive => "expected-positive",
        ResultReading.UnexpectedPositive => "unexpected-positive",
        ResultReading.ExpectedNegative => "expected-negative",
        _ => "unexpected-negative",
    };

    private static DrugTestView ViewOf(DrugTest t, IReadOnlyList<DrugTestResultRow> rows)
    {
        var meds = JsonSerializer.Deserialize<List<StoredMedicine>>(t.MedicinesJson) ?? [];
        return new DrugTestView(t.Id, t.PatientId, t.Specimen, t.CollectedAt, t.OnKratomRegimen, meds.Select(m => m.Name).ToList(), t.Note, t.RecordedAt,
            rows.Select(r =>
            {
                var analyte = DrugTestCatalogue.Default.Find(r.Analyte);
                return new DrugTestResultView(r.Analyte, analyte?.Name ?? r.Analyte, r.Method, r.Technique, r.Positive ? "positive" : "negative",
                    r.CutoffNgPerMl, r.Reading, r.Explanation, analyte?.Notes ?? []);
            }).OrderBy(r => r.Analyte, StringComparer.Ordinal).ToList());
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
