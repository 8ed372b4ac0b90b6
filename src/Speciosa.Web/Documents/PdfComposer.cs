using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Speciosa.Web.Documents;

/// <summary>The one layout of every PDF: US Letter, the bundled font, on every page a header (the document's title and,
/// for a patient's document, the patient's name, date of birth and record number) and a footer (when it was generated
/// in the clinic's zone, labelled, and "Page n of m"); headings kept with what follows; wrapped paragraphs; tables whose
/// header row repeats on each page; charts as images with their caption.</summary>
public static class PdfComposer
{
    private const double PageWidth = 612, PageHeight = 792, Margin = 42, HeaderSpace = 50, FooterSpace = 28;
    private const double BodyTop = Margin + HeaderSpace, BodyBottom = PageHeight - Margin - FooterSpace, BodyWidth = PageWidth - 2 * Margin;
    private const double CellPad = 3;

    public static byte[] Render(PrintedDocument document)
    {
        DocumentFonts.EnsureRegistered();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "Speciosa";
        pdf.Info.CreationDate = document.GeneratedAt.UtcDateTime;

        var writer = new Writer(pdf);
        foreach (var block in document.Blocks)
        {
            writer.Write(block);
        }

        writer.Finish();
        Stamp(pdf, document);
        using var output = new MemoryStream();
        pdf.Save(output, false);
        return output.ToArray();
    }

    /// <summary>The generated-at line every page carries: the instant in the clinic's zone, labelled with the zone.</summary>
    public static string GeneratedLine(PrintedDocument d) => $"Generated {d.Zone.Labelled(d.GeneratedAt)} · {d.ClinicName}";

    /// <summary>The banner line of a patient's document (the record number is on the line below it).</summary>
    public static string PatientLine(DocumentPatient p) =>
        $"{p.Name} · date of birth {p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static void Stamp(PdfDocument pdf, PrintedDocument d)
    {
        var title = new XFont(DocumentFonts.Family, 12, XFontStyleEx.Bold);
        var bold = new XFont(DocumentFonts.Family, 9, XFontStyleEx.Bold);
        var small = new XFont(DocumentFonts.Family, 8, XFontStyleEx.Regular);
        var count = pdf.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var g = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            g.DrawString(Fit(g, d.Title, title, BodyWidth), title, XBrushes.Black, Margin, Margin, XStringFormats.TopLeft);
            if (d.Patient is { } p)
            {
                g.DrawString(Fit(g, PatientLine(p), bold, BodyWidth), bold, XBrushes.Black, Margin, Margin + 17, XStringFormats.TopLeft);
                g.DrawString($"record {p.RecordId}", small, XBrushes.Black, Margin, Margin + 29, XStringFormats.TopLeft);
            }

            g.DrawLine(XPens.Gray, Margin, Margin + HeaderSpace - 10, PageWidth - Margin, Margin + HeaderSpace - 10);
            var footerY = PageHeight - Margin - 10;
            g.DrawLine(XPens.LightGray, Margin, footerY - 6, PageWidth - Margin, footerY - 6);
            var pageText = $"Page {i + 1} of {count}";
            var pageWidth = g.MeasureString(pageText, small).Width;
            g.DrawString(Fit(g, GeneratedLine(d), small, BodyWidth - pageWidth - 12), small, XBrushes.Black, Margin, footerY, XStringFormats.TopLeft);
            g.DrawString(pageText, small, XBrushes.Black, PageWidth - Margin - pageWidth, footerY, XStringFormats.TopLeft);
        }
    }

    private static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        while (text.Length > 1 && g.MeasureString(text + "…", font).Width > width)
        {
            text = text[..^1];
        }

        return text + "…";
    }

    /// <summary>Wraps text to a width: at spaces, and inside a word longer than the line.</summary>
    internal static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (g.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (g.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && g.MeasureString(line[..cut], font).Width > width)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Lays blocks out top to bottom, starting a page when the next piece does not fit.</summary>
    private sealed class Writer(PdfDocument pdf)
    {
        private readonly XFont normal = new(DocumentFonts.Family, 9.5, XFontStyleEx.Regular);
        private readonly XFont strong = new(DocumentFonts.Family, 9.5, XFontStyleEx.Bold);
        private readonly XFont small = new(DocumentFonts.Family, 8, XFontStyleEx.Regular);
        private readonly XFont heading = new(DocumentFonts.Family, 11.5, XFontStyleEx.Bold);
        private readonly XFont cell = new(DocumentFonts.Family, 8, XFontStyleEx.Regular);
        private readonly XFont cellHead = new(DocumentFonts.Family, 8, XFontStyleEx.Bold);
        private readonly XFont largeCell = new(DocumentFonts.Family, 10.5, XFontStyleEx.Regular);
        private readonly XFont largeHead = new(DocumentFonts.Family, 10.5, XFontStyleEx.Bold);
        private XGraphics? g;
        private double y;

        private XGraphics G => g ?? NewPage();

        private XGraphics NewPage()
        {
            g?.Dispose();
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            g = XGraphics.FromPdfPage(page);
            y = BodyTop;
            return g;
        }

        private void Room(double height)
        {
            if (g is null || (y + height > BodyBottom && y > BodyTop))
            {
                NewPage();
            }
        }

        public void Finish()
        {
            _ = G; // a document with no blocks still has its one page
            g?.Dispose();
            g = null;
        }

        public void Write(DocBlock block)
        {
            switch (block)
            {
                case DocHeading h:
                    // A heading never ends a page: it needs room for itself and a few lines after it.
                    Room(16 + 110);
                    y += y > BodyTop ? 8 : 0;
                    G.DrawString(h.Text, heading, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
                    y += 17;
                    break;
                case DocText t:
                    var font = t.Style switch { DocTextStyle.Bold => strong, DocTextStyle.Small => small, _ => normal };
                    Lines(Wrap(G, t.Text, font, BodyWidth), font, Margin);
                    y += 3;
                    break;
                case DocFields f:
                    Fields(f);
                    break;
                case DocTable table:
                    Table(table);
                    break;
                case DocChart c:
                    Chart(c.Chart);
                    break;
                default:
                    throw new InvalidOperationException($"No layout for {block.GetType().Name}.");
            }
        }

        private void Lines(IEnumerable<string> lines, XFont font, double x)
        {
            var height = font.Size * 1.3;
            foreach (var line in lines)
            {
                Room(height);
                G.DrawString(line, font, XBrushes.Black, x, y, XStringFormats.TopLeft);
                y += height;
            }
        }

        private void Fields(DocFields f)
        {
            const double labelWidth = 170;
            foreach (var (label, value) in f.Fields)
            {
                var labels = Wrap(G, label, strong, labelWidth - 8);
                var values = Wrap(G, value.Length == 0 ? "—" : value, normal, BodyWidth - labelWidth);
                var height = Math.Max(labels.Count, values.Count) * normal.Size * 1.3 + 3;
                Room(height);
                var top = y;
                Lines(labels, strong, Margin);
                var afterLabel = y;
                y = top;
                Lines(values, normal, Margin + labelWidth);
                y = Math.Max(y, afterLabel) + 3;
            }
        }

        private void Table(DocTable t)
        {
            if (t.Rows.Count == 0)
            {
                Write(new DocText(t.Empty ?? "None."));
                return;
            }

            var weights = t.Widths ?? t.Columns.Select(_ => 1d).ToList();
            var total = weights.Sum();
            var widths = weights.Select(w => BodyWidth * w / total).ToArray();
            var (cell, cellHead) = t.Large ? (largeCell, largeHead) : (this.cell, this.cellHead);
            var lineHeight = cell.Size * 1.3;

            List<string>[] Cells(IReadOnlyList<string> row, XFont font) =>
                widths.Select((w, i) => Wrap(G, i < row.Count ? row[i] : "", font, w - 2 * CellPad)).ToArray();

            double HeightOf(List<string>[] cells) => cells.Max(c => c.Count) * lineHeight + 2 * CellPad;

            void Row(List<string>[] cells, XFont font, bool header)
            {
                var height = HeightOf(cells);
                var x = Margin;
                if (header)
                {
                    G.DrawRectangle(XBrushes.Gainsboro, Margin, y, BodyWidth, height);
                }

                for (var i = 0; i < widths.Length; i++)
                {
                    var lineY = y + CellPad;
                    foreach (var line in cells[i])
                    {
                        G.DrawString(line, font, XBrushes.Black, x + CellPad, lineY, XStringFormats.TopLeft);
                        lineY += lineHeight;
                    }

                    x += widths[i];
                }

                G.DrawLine(XPens.LightGray, Margin, y + height, Margin + BodyWidth, y + height);
                y += height;
            }

            var headerCells = Cells(t.Columns, cellHead);
            var headerHeight = HeightOf(headerCells);
            var first = true;
            foreach (var row in t.Rows)
            {
                var cells = Cells(row, cell);
                var height = HeightOf(cells);
                var newPage = g is null || (y + height + (first ? headerHeight : 0) > BodyBottom && y > BodyTop);
                if (newPage)
                {
                    NewPage();
                }

                if (first || newPage)
                {
                    Row(headerCells, cellHead, header: true);
                }

                Row(cells, cell, header: false);
                first = false;
            }

            y += 6;
        }

        private void Chart(ChartSpec spec)
        {
            const double height = 210;
            Room(height + 30);
            Lines(Wrap(G, spec.Caption, strong, BodyWidth), strong, Margin);
            if (spec.Lines is { Count: > 0 } lines)
            {
                Lines(Wrap(G, "Dashed lines: " + string.Join("; ", lines.Select(l => l.Label)) + ".", small, BodyWidth), small, Margin);
            }

            if (spec.Series.All(s => s.Points.Count == 0))
            {
                Lines(["Nothing to chart yet."], normal, Margin);
                y += 6;
                return;
            }

            // Drawn at twice the placed size, so lines and text stay sharp when printed.
            var png = DocumentCharts.Png(spec, (int)(BodyWidth * 2), (int)(height * 2));
            using var stream = new MemoryStream(png);
            using var image = XImage.FromStream(stream);
            G.DrawImage(image, Margin, y, BodyWidth, height);
            y += height + 8;
        }
    }
}
