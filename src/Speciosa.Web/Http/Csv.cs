using System.Text;

namespace Speciosa.Web.Http;

/// <summary>One problem in an imported file: the line (1 = header), the column, and what is wrong. <see cref="Key"/>
/// is the one key format every CSV import answers with in problem details: <c>line {n}.{column}</c>.</summary>
public sealed record CsvProblem(int Line, string Column, string Problem)
{
    public string Key => $"line {Line}.{Column}";

    /// <summary>The problems as a problem-details <c>errors</c> dictionary.</summary>
    public static Dictionary<string, string[]> Errors(IEnumerable<CsvProblem> problems) =>
        problems.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Select(p => p.Problem).ToArray());
}

/// <summary>A small RFC 4180 reader: commas, double-quoted fields with "" escapes and line breaks inside
/// quotes; each record keeps the line it starts on.</summary>
public static class CsvReader
{
    public sealed record Record(int Line, IReadOnlyList<string> Fields);

    public static List<Record> Parse(string text)
    {
        // A spreadsheet's "CSV UTF-8" starts with a byte-order mark (and so do our own downloads): it is not data.
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (any || fields.Count > 1 || fields[0].Length > 0)
                    {
                        records.Add(new Record(start, fields.ToList()));
                    }

                    fields.Clear();
                    any = false;
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            records.Add(new Record(start, fields.ToList()));
        }

        return records;
    }
}
