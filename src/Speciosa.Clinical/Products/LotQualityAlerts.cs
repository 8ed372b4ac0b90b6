using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Products;

/// <summary>Turns a lot verdict into alerts for the shared alert list: an out-of-limit analyte is a High
/// alert, an analyte that could not be shown compliant is a Warning. The rule is the standard, so the
/// alert names the standard's id, version and source.</summary>
public static class LotQualityAlerts
{
    public static IReadOnlyList<Alert> For(string lotId, LotVerdict verdict)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lotId);
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Findings
            .Where(f => f.Outcome is not QualityOutcome.Pass)
            .Select(f => new Alert(
                new AlertRule(
                    $"product-quality/{f.StandardId}",
                    f.StandardVersion,
                    f.OutOfLimit ? AlertSeverity.High : AlertSeverity.Warning,
                    f.OutOfLimit ? $"{f.Analyte} out of limit" : $"{f.Analyte} not shown compliant",
                    f.Source with { Unconfirmed = f.Source.Unconfirmed || f.Unconfirmed }),
                $"lot:{lotId}:{f.StandardId}:{f.Analyte}",
                f.Reason,
                [
                    new AlertInput("lot", lotId),
                    new AlertInput("analyte", f.Analyte),
                    new AlertInput("outcome", f.Outcome.ToString()),
                    new AlertInput("standard version", f.StandardVersion.ToString(CultureInfo.InvariantCulture)),
                ],
                f.Limit))
            .ToList();
    }
}
