using System.Globalization;
using System.Text;

namespace Speciosa.Web.Http;

/// <summary>The one CSV writer (issue 16 item 4): RFC 4180 (comma, CRLF, a field with a comma, quote or line break in
/// double quotes, quotes doubled), and every text cell guarded against spreadsheet formula injection as OWASP's
/// "CSV Injection" guidance says: a cell whose text starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage
/// return (or line feed) gets a leading single quote, so a spreadsheet shows it as text and never evaluates it.
/// Numbers are written from their value (invariant culture) and are not guarded: a negative number stays a number.
/// Instants are refused: the caller writes them for people in the clinic's zone (<c>ClinicZone.Local</c>) and names the
/// zone in the column header.</summary>
public sealed class CsvWriter
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', '\n'];
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];
    private readonly StringBuilder text = new();
    private int columns = -1;

    /// <summary>Data rows written so far (the header not counted).</summary>
    public int Rows { get; private set; }

    public CsvWriter Header(params string[] names)
    {
        if (columns >= 0)
        {
            throw new InvalidOperationException("The header is the first line, and there is one.");
        }

        columns = names.Length;
        Line(names.Cast<object?>().ToArray());
        return this;
    }

    public CsvWriter Row(params object?[] cells)
    {
        if (columns >= 0 && cells.Length != columns)
        {
            throw new ArgumentException($"A row has {columns} cells like the header; this one has {cells.Length}.", nameof(cells));
        }

        Line(cells);
        Rows++;
        return this;
    }

    public override string ToString() => text.ToString();

    /// <summary>One cell as written in the file (guarded, then quoted when it must be).</summary>
    public static string Cell(object? value)
    {
        var raw = value switch
        {
            null => "",
            string s => Guard(s),
            bool b => b ? "true" : "false",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset or DateTime => throw new ArgumentException(
                "Write instants for people in the clinic's zone (ClinicZone.Local) and name the zone in the header.", nameof(value)),
            // A decimal's stored scale (2.000 from PostgreSQL, 2.0 from SQLite) is not part of its value: write it as pages show it.
            decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
            int or long or short or double or float => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            Guid g => g.ToString(),
            Enum e => Guard(e.ToString()),
            _ => Guard(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        };
        return raw.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + raw.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : raw;
    }

    /// <summary>Text a spreadsheet could read as a formula gets a leading single quote (OWASP CSV injection).</summary>
    public static string Guard(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;

    private void Line(object?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Cell(cells[i]));
        }

        text.Append("\r\n");
    }
}

/// <summary>A CSV file as a download: UTF-8 with a byte-order mark (so a spreadsheet reads accents right), attachment,
/// never cached. File names say what and when (the clinic's day), never whom.</summary>
public static class CsvDownload
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static IResult Of(HttpContext http, CsvWriter csv, string what, DateOnly day)
    {
        http.Response.Headers.CacheControl = "no-store";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return TypedResults.File(bytes, ContentType, FileName(what, day));
    }

    /// <summary>"speciosa-{what}-{yyyy-MM-dd}.csv"; <paramref name="what"/> is a fixed word of the export, never a name.</summary>
    public static string FileName(string what, DateOnly day) =>
        $"speciosa-{what}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
}
