using PdfSharp.Fonts;
using SkiaSharp;

namespace Speciosa.Web.Documents;

/// <summary>The one font of every document: DejaVu Sans (regular and bold), bundled as embedded resources with its
/// licence (Documents/Fonts/LICENSE-DejaVu.txt), so a PDF looks the same on any machine and needs no system font.
/// PDFsharp finds it through this <see cref="IFontResolver"/>, ScottPlot through <see cref="ChartFonts"/>; both are
/// registered once per process by <see cref="EnsureRegistered"/>.</summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lazy<byte[]> RegularBytes = new(() => Load(Regular));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Load(Bold));
    private static readonly Lock Gate = new();
    private static bool registered;

    /// <summary>Registers the PDFsharp and ScottPlot resolvers; later calls do nothing (PDFsharp allows one resolver
    /// per process, and several app hosts may share a test process).</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is not DocumentFonts)
            {
                GlobalFontSettings.FontResolver = new DocumentFonts();
            }

            ScottPlot.Fonts.FontResolvers.Add(new ChartFonts());
            ScottPlot.Fonts.Default = Family;
            registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every family asked for is answered with DejaVu Sans: documents name only that one, and no system font is used.
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => faceName == Bold ? BoldBytes.Value : RegularBytes.Value;

    internal static byte[] FontBytes(bool bold) => bold ? BoldBytes.Value : RegularBytes.Value;

    private static byte[] Load(string face)
    {
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream($"Speciosa.Web.Documents.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The bundled font {face}.ttf is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>ScottPlot's side: the same bundled faces as Skia typefaces.</summary>
    private sealed class ChartFonts : ScottPlot.IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? SKTypeface.FromData(SKData.CreateCopy(FontBytes(bold))) : null;

        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing width) =>
            CreateTypeface(fontName, weight >= ScottPlot.FontWeight.SemiBold, false);
    }
}
