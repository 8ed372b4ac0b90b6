using Speciosa.Web.Http;
using Xunit;

namespace Speciosa.Web.Tests.Http;

/// <summary>Issue 16 item 4: the kit's one CSV writer (RFC 4180) guards every text cell against spreadsheet formula
/// injection as OWASP's "CSV Injection" page says: text starting with = + - @ tab or carriage return is prefixed with '.</summary>
public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+41 79 000 00 00", "'+41 79 000 00 00")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    public void A_text_cell_that_a_spreadsheet_would_read_as_a_formula_starts_with_a_single_quote(string text, string written) =>
        Assert.Equal(written, CsvWriter.Cell(text));

    [Fact]
    public void A_cell_starting_with_a_carriage_return_is_guarded_and_quoted() =>
        Assert.Equal("\"'\r=1\"", CsvWriter.Cell("\r=1"));

    [Theory]
    [InlineData("COWS", "COWS")]
    [InlineData("a=b", "a=b")]
    [InlineData("2026-11-30 14:05", "2026-11-30 14:05")]
    [InlineData("", "")]
    public void Ordinary_text_and_a_formula_sign_inside_the_text_are_written_as_they_are(string text, string written) =>
        Assert.Equal(written, CsvWriter.Cell(text));

    [Fact]
    public void A_negative_number_stays_a_number_because_numbers_are_written_from_their_value()
    {
        Assert.Equal("-1.5", CsvWriter.Cell(-1.5m));
        Assert.Equal("-3", CsvWriter.Cell(-3));
        Assert.Equal("2", CsvWriter.Cell(2.000m));
        Assert.Equal("0.35", CsvWriter.Cell(0.350m));
        Assert.Equal("'-1.5", CsvWriter.Cell("-1.5"));
    }

    [Fact]
    public void Commas_quotes_and_line_breaks_are_quoted_as_RFC_4180_says_and_read_back_by_the_kits_reader()
    {
        var csv = new CsvWriter().Header("a", "b", "c").Row("x, y", "say \"hi\"", "two\nlines").Row(null, true, 2.5m).ToString();

        Assert.Equal("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,true,2.5\r\n", csv);
        var read = CsvReader.Parse(csv);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], read[1].Fields);
        Assert.Equal(["", "true", "2.5"], read[2].Fields);
    }

    [Fact]
    public void An_instant_is_refused_so_every_time_is_written_in_the_clinics_zone_by_the_caller() =>
        Assert.Throws<ArgumentException>(() => CsvWriter.Cell(DateTimeOffset.UtcNow));

    [Fact]
    public void A_row_with_another_number_of_cells_than_the_header_is_refused() =>
        Assert.Throws<ArgumentException>(() => new CsvWriter().Header("a", "b").Row("only one"));

    [Fact]
    public void The_file_name_says_what_and_which_day_never_whom() =>
        Assert.Equal("speciosa-alerts-2026-11-30.csv", CsvDownload.FileName("alerts", new DateOnly(2026, 11, 30)));

    [Fact]
    public void The_reader_skips_a_byte_order_mark() =>
        Assert.Equal("a", CsvReader.Parse("\uFEFFa,b\r\n")[0].Fields[0]);
}
