using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Products;

public sealed class CoaImportAndPhotoTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private const string Header = "lot_code,analyte,value,unit,qualifier,lod,loq,method,lab,accreditation,sample_date,report_date";

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_csv_with_a_wrong_unit_an_unknown_analyte_and_text_in_a_number_is_rejected_by_line_and_nothing_is_stored(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (_, lotId, code) = await ProductTestData.NewLotAsync(quality);
        var csv = string.Join("\n",
            Header,
            $"{code},mitragynine,15,mg/g,detected,,,HPLC,Test Lab,ISO/IEC 17025,2026-09-28,2026-10-01",
            $"{code},lead,0.1,CFU/g,detected,,,ICP-MS,Test Lab,ISO/IEC 17025,2026-09-28,2026-10-01",
            $"{code},unobtainium,1,mg/g,detected,,,ICP-MS,Test Lab,ISO/IEC 17025,2026-09-28,2026-10-01",
            $"{code},cadmium,about 0.05,µg/g,detected,,,ICP-MS,Test Lab,ISO/IEC 17025,2026-09-28,2026-10-01");

        var response = await quality.PostAsync("/api/certificates/import", Csv(csv));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var report = problem.GetProperty("report").EnumerateArray()
            .Select(p => (Line: p.GetProperty("line").GetInt32(), Column: p.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "unit"), report);
        Assert.Contains((4, "analyte"), report);
        Assert.Contains((5, "value"), report);
        Assert.DoesNotContain(report, p => p.Line == 2);
        Assert.True(problem.GetProperty("errors").TryGetProperty("line 5.value", out _));
        Assert.Equal(0, await ProductTestData.CertificateCountAsync(server, lotId));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Importing_the_same_csv_twice_stores_one_certificate(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (_, lotId, code) = await ProductTestData.NewLotAsync(quality);
        var csv = string.Join("\r\n",
            Header,
            $"{code},mitragynine,15,mg/g,detected,,,HPLC-UV,\"Test Lab, Inc.\",ISO/IEC 17025,2026-09-28,2026-10-01",
            $"{code},Pb,,µg/g,<LOQ,0.01,0.03,ICP-MS,\"Test Lab, Inc.\",ISO/IEC 17025,2026-09-28,2026-10-01",
            $"{code},salmonella,,in 25 g,ND,,,PCR,\"Test Lab, Inc.\",ISO/IEC 17025,2026-09-28,2026-10-01") + "\r\n";

        var first = await quality.PostAsync("/api/certificates/import", Csv(csv));
        var second = await quality.PostAsync("/api/certificates/import", Csv(csv));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.True(again.GetProperty("certificates")[0].GetProperty("alreadyRecorded").GetBoolean());
        Assert.Equal(1, await ProductTestData.CertificateCountAsync(server, lotId));
        var lot = await quality.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}");
        var certificate = lot.GetProperty("certificate");
        Assert.Equal("Test Lab, Inc.", certificate.GetProperty("labName").GetString());
        Assert.Equal(3, certificate.GetProperty("results").GetArrayLength());
        Assert.Contains(certificate.GetProperty("results").EnumerateArray(), r => r.GetProperty("analyte").GetString() == "lead" && r.GetProperty("qualifier").GetString() == "BelowLoq");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_text_file_named_png_is_rejected_and_a_real_png_is_stored_and_served_to_staff(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (productId, lotId, _) = await ProductTestData.NewLotAsync(quality);
        var fake = new ByteArrayContent(Encoding.UTF8.GetBytes("this is not an image, only text renamed photo.png"));
        fake.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        fake.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "photo.png" };

        var rejected = await quality.PostAsync($"/api/lots/{lotId}/photos?kind=leaf", fake);

        var problem = await rejected.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("PNG, JPEG or WebP", problem.ToString(), StringComparison.Ordinal);

        var png = ProductTestData.Png(3, 2);
        var real = new ByteArrayContent(png);
        real.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var accepted = await quality.PostAsync($"/api/lots/{lotId}/photos?kind=packaging", real);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var photo = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("image/png", photo.GetProperty("contentType").GetString());
        Assert.Equal(3, photo.GetProperty("width").GetInt32());
        Assert.Equal(2, photo.GetProperty("height").GetInt32());
        Assert.Equal(productId, photo.GetProperty("productId").GetGuid());

        var nurse = await server.SignedInClientAsync("demo.nurse");
        var served = await nurse.GetAsync(photo.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
        var anonymous = server.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(photo.GetProperty("url").GetString())).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_photo_over_the_size_limit_is_refused(Database database)
    {
        await using var server = await servers.StartAsync(database, settings: new Dictionary<string, string> { ["Products:MaxPhotoBytes"] = "100" });
        var quality = await server.SignedInClientAsync("demo.quality");
        var (productId, _, _) = await ProductTestData.NewLotAsync(quality);
        var big = new byte[200];
        ProductTestData.Png().CopyTo(big, 0);
        var response = await quality.PostAsync($"/api/products/{productId}/photos?kind=product", new ByteArrayContent(big));
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
