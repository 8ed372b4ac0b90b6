using Speciosa.Web.Data;
using Speciosa.Web.Documents;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Alerts;

/// <summary>The printed summary's open alerts: each with its rule and version, inputs, threshold and published source,
/// most severe first (as on the overview page).</summary>
public sealed class OpenAlertsSummarySection(SpeciosaDbContext db) : IPatientSummarySection
{
    public int Order => 35;

    public async Task<IReadOnlyList<DocBlock>> LoadAsync(PatientSummaryContext context, CancellationToken ct)
    {
        var alerts = await AlertBook.ForPatientAsync(db, context.Patient.Id, AlertStatus.Open, ct);
        return
        [
            new DocHeading("Open alerts"),
            new DocTable(
                ["Severity", "Alert", "Rule, inputs and threshold", "Source", $"Raised ({context.Zone.Id})"],
                alerts.Select(a => (IReadOnlyList<string>)
                [
                    a.Severity,
                    a.Message,
                    $"{a.RuleId} v{a.RuleVersion}. " + string.Concat(a.Inputs.Select(i => $"{i.Name}: {i.Value}. ")) + $"Threshold: {a.Threshold}",
                    a.SourceUrl is null ? a.SourceCitation : $"{a.SourceCitation} {a.SourceUrl}",
                    context.Zone.Local(a.RaisedAt),
                ]).ToList(),
                [0.9, 2.6, 3.3, 2.1, 1.5],
                "No open alerts."),
        ];
    }
}
