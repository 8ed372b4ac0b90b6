using System.Globalization;
using Speciosa.Web.Http;

namespace Speciosa.Web.Liver;

/// <summary>Reads lab result CSV with the kit's RFC 4180 <see cref="CsvReader"/>: a header row naming the columns (any
/// order, case-insensitive), comma-separated, double quotes around fields that contain commas or line breaks. Problems are keyed <c>line {n}.{column}</c> (line 1 = header).</summary>
public static class LabCsv
{
    public static readonly string[] Required = ["test", "value", "unit", "collectedAt"];
    public static readonly string[] Optional = ["loinc", "uln", "referenceLow", "baseline", "lab"];

    public static (List<LabResultRequest> Rows, List<int> LineNumbers, Dictionary<string, string[]> Errors) Parse(string csv)
    {
        var errors = new Dictionary<string, string[]>();
        var rows = new List<LabResultRequest>();
        var numbers = new List<int>();
        var records = CsvReader.Parse(csv);
        if (records.Count == 0 || records[0].Line != 1 || records[0].Fields.All(string.IsNullOrWhiteSpace))
        {
            errors["line 1"] = ["A header row is required: " + string.Join(",", Required.Concat(Optional)) + "."];
            return (rows, numbers, errors);
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var known = Required.Concat(Optional).ToList();
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < header.Count; c++)
        {
            var name = known.FirstOrDefault(k => string.Equals(k, header[c], StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors[$"line 1.{header[c]}"] = ["Unknown column; allowed: " + string.Join(", ", known) + "."];
            }
            else
            {
                columns[name] = c;
            }
        }

        foreach (var missing in Required.Where(r => !columns.ContainsKey(r)))
        {
            errors[$"line 1.{missing}"] = ["Required column missing."];
        }

        if (errors.Count > 0)
        {
            return (rows, numbers, errors);
        }

        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var line = record.Line;
            var fields = record.Fields;
            string? Field(string name) =>
                columns.TryGetValue(name, out var c) && c < fields.Count && !string.IsNullOrWhiteSpace(fields[c]) ? fields[c].Trim() : null;

            decimal? Number(string name)
            {
                var text = Field(name);
                if (text is null)
                {
                    return null;
                }

                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
                {
                    return d;
                }

                errors[$"line {line}.{name}"] = [$"'{text}' is not a number (use a dot for decimals)."];
                return null;
            }

            DateTimeOffset? collected = null;
            if (Field("collectedAt") is { } when)
            {
                if (DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    collected = parsed;
                }
                else
                {
                    errors[$"line {line}.collectedAt"] = ["Not a date-time; use ISO 8601, e.g. 2026-11-20T08:30:00Z."];
                }
            }

            var baseline = Field("baseline") switch
            {
                null or "false" or "no" or "0" => false,
                "true" or "yes" or "1" => true,
                var other => Bad($"line {line}.baseline", $"'{other}' is not true/false."),
            };

            rows.Add(new LabResultRequest(Field("test"), Field("loinc"), Number("value"), Field("unit"), Number("uln"), Number("referenceLow"),
                collected, baseline, Field("lab")));
            numbers.Add(line);
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors["line 2"] = ["No result rows after the header."];
        }

        return (rows, numbers, errors);

        bool Bad(string key, string message)
        {
            errors[key] = [message];
            return false;
        }
    }
}
