using System.Globalization;
using System.Text.RegularExpressions;
using Speciosa.Web.Clinics;

namespace Speciosa.Web.Alerts;

/// <summary>An alert's stored inputs and statuses written for people (issue 15 item 6): an instant as clinic time
/// ("2026-11-29 10:00 (America/New_York)"), an internal name such as <c>LifeThreatening</c> or
/// <c>MechanismBasedExpectation</c> as words ("life threatening"). Stored values are unchanged (the CSV and API keep them).</summary>
public static partial class AlertWords
{
    public static string Value(string value, ClinicZone zone)
    {
        var text = value.Trim();
        if (text.Length >= 16 && text[4] == '-' && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return zone.Labelled(at);
        }

        return Identifier().IsMatch(text) ? Words(text) : value;
    }

    /// <summary>"LifeThreatening" → "life threatening"; "camelCase" → "camel case".</summary>
    public static string Words(string identifier)
    {
        var spaced = Boundary().Replace(identifier, " ");
        return char.ToUpperInvariant(spaced[0]) + spaced[1..].ToLowerInvariant();
    }

    public static string Status(string status, DateTimeOffset? snoozedUntil, DateTimeOffset now) => status switch
    {
        AlertStatus.Open when snoozedUntil > now => "Open, snoozed",
        AlertStatus.Acknowledged when snoozedUntil > now => "Acknowledged, snoozed",
        AlertStatus.Open => "Open",
        AlertStatus.Acknowledged => "Acknowledged",
        AlertStatus.Resolved => "Resolved",
        _ => status,
    };

    // One word of letters and digits with an inner capital: an enum or property name, never a sentence or a number.
    [GeneratedRegex("^[A-Za-z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$")]
    private static partial Regex Identifier();

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex Boundary();
}
