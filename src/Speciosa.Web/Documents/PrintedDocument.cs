using Speciosa.Web.Clinics;

namespace Speciosa.Web.Documents;

/// <summary>What a PDF says, in order, before any layout: every document (patient summary, taper calendar, lot
/// certificate, recall exposures, MedWatch draft) is a list of these blocks, laid out by <see cref="PdfComposer"/>
/// with the same page header and footer.</summary>
public sealed record PrintedDocument(
    string Title, string ClinicName, ClinicZone Zone, DateTimeOffset GeneratedAt, DocumentPatient? Patient,
    IReadOnlyList<DocBlock> Blocks);

/// <summary>The patient a document is about: named, with the date of birth and record number, on every page.</summary>
public sealed record DocumentPatient(string Name, DateOnly DateOfBirth, Guid RecordId);

public abstract record DocBlock;

/// <summary>A section heading; kept on the same page as what follows it.</summary>
public sealed record DocHeading(string Text) : DocBlock;

/// <summary>A paragraph, wrapped to the page width.</summary>
public sealed record DocText(string Text, DocTextStyle Style = DocTextStyle.Normal) : DocBlock;

public enum DocTextStyle { Normal, Bold, Small }

/// <summary>A table with a header row repeated on each page it runs onto. <paramref name="Widths"/> are relative
/// column widths (equal when null); <paramref name="Empty"/> is said instead of an empty table; <paramref name="Large"/>
/// prints it in a large type (a patient's take-home calendar).</summary>
public sealed record DocTable(
    IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double>? Widths = null, string? Empty = null,
    bool Large = false) : DocBlock;

/// <summary>Label–value lines (a form's fields).</summary>
public sealed record DocFields(IReadOnlyList<KeyValuePair<string, string>> Fields) : DocBlock;

/// <summary>A chart drawn server-side (<see cref="DocumentCharts"/>) and placed as an image, with its caption as text.</summary>
public sealed record DocChart(ChartSpec Chart) : DocBlock;

/// <summary>Lines over time or over a number. X values of a date axis are <see cref="DateTime.ToOADate"/> in the
/// clinic's zone (see <see cref="DocumentCharts.X"/>).</summary>
public sealed record ChartSpec(
    string Caption, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartLine>? Lines = null,
    double? YMin = null, double? YMax = null, bool XIsDate = true);

public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

public sealed record ChartPoint(double X, double Y);

/// <summary>A labelled horizontal reference line (a band threshold, a multiple of the upper limit of normal).</summary>
public sealed record ChartLine(double Y, string Label);
