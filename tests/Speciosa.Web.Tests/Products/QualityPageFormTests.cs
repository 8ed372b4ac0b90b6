using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Products;

/// <summary>Quality staff record products, lots and certificates from the pages, not only the API.</summary>
public sealed class QualityPageFormTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_quality_user_creates_a_product_and_a_lot_from_the_pages(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var page = await quality.GetStringAsync("/products/new");
        var created = await quality.PostAsync("/products/new", Form(page, "product-new", new()
        {
            ["Input.Name"] = "Page Leaf (test)", ["Input.Brand"] = "Formbrand", ["Input.Vendor"] = "Formvendor",
            ["Input.Form"] = "LeafPowder", ["Input.ServingGrams"] = "2.5",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var productPath = created.Headers.Location!.OriginalString;
        Assert.Contains("Page Leaf (test)", await quality.GetStringAsync(productPath), StringComparison.Ordinal);

        var lotPage = await quality.GetStringAsync(productPath + "/lots/new");
        var lot = await quality.PostAsync(productPath + "/lots/new", Form(lotPage, "lot-new", new()
        {
            ["Input.LotCode"] = "PAGE-LOT-1", ["Input.Steps[0].Role"] = "Origin", ["Input.Steps[0].Name"] = "Farm cooperative",
            ["Input.Steps[0].Country"] = "ID",
        }));
        Assert.Equal(HttpStatusCode.Redirect, lot.StatusCode);
        var lotHtml = await quality.GetStringAsync(lot.Headers.Location!.OriginalString);
        Assert.Contains("PAGE-LOT-1", lotHtml, StringComparison.Ordinal);
        Assert.Contains("Farm cooperative", lotHtml, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_product_without_a_name_is_refused_on_the_page_and_nothing_is_stored(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var before = await server.QueryAsync(db => db.Products.CountAsync());
        var page = await quality.GetStringAsync("/products/new");
        var response = await quality.PostAsync("/products/new", Form(page, "product-new", new() { ["Input.Name"] = "", ["Input.Form"] = "Capsules" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"name-problem\" role=\"alert\"><strong>Problem:</strong> Required, 1 to 200 characters.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name: ", html, StringComparison.Ordinal); // no list keyed by internal names
        Assert.Equal(before, await server.QueryAsync(db => db.Products.CountAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_lot_whose_third_supply_chain_row_is_wrong_says_so_beside_that_row_and_keeps_the_input(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (productId, _, _) = await ProductTestData.NewLotAsync(quality);
        var path = $"/products/{productId}/lots/new";
        var page = await quality.GetStringAsync(path);
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // Every row posted as a browser does; rows 0 and 2 filled, row 1 left empty: the service numbers the two rows
        // sent 0 and 1, and the page puts the problem of the second beside row 2.
        var fields = HtmlForm.FieldsOf(page, "lot-new");
        fields["Input.LotCode"] = "ROWS-" + database;
        fields["Input.Steps[0].Name"] = "Made-up farm";
        fields["Input.Steps[2].Name"] = "Made-up mill";
        fields["Input.Steps[2].Date"] = future;
        var response = await quality.PostFormAsync(path, "lot-new", fields, page);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("id=\"date2\"[^>]*/>\\s*</div>\\s*<span class=\"field-problem\" id=\"supplyChain\\[2\\]-problem\" role=\"alert\"><strong>Problem:</strong> A supply-chain date cannot be in the future.", html);
        Assert.DoesNotContain("supplyChain[1]-problem", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Made-up mill\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"ROWS-" + database + "\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.Lots.CountAsync(l => l.LotCode == "ROWS-" + database.ToString())));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_import_page_lists_each_bad_line_and_stores_nothing(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var before = await server.QueryAsync(db => db.Certificates.CountAsync());
        var page = await quality.GetStringAsync("/certificates/import");
        var csv = "lot_code,analyte,value,unit,qualifier,lod,loq,method,lab,accreditation,sample_date,report_date\n" +
                  "DEMO-GL-001,mitragynine,ten,mg/g,detected,,,HPLC,Page Lab,ISO/IEC 17025,2026-09-28,2026-10-01\n";
        using var body = new MultipartFormDataContent
        {
            { new StringContent("coa-import"), "_handler" },
            { new StringContent(HtmlForm.AntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        body.Add(file, "file", "coa.csv");
        var response = await quality.PostAsync("/certificates/import", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nothing was imported", html, StringComparison.Ordinal);
        Assert.Contains("<td>2</td><td>value</td>", html, StringComparison.Ordinal);
        Assert.Equal(before, await server.QueryAsync(db => db.Certificates.CountAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_good_file_imported_from_the_page_is_reported_after_the_redirect_and_a_reload_imports_nothing(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (_, lotId, code) = await ProductTestData.NewLotAsync(quality);
        var csv = "lot_code,analyte,value,unit,qualifier,lod,loq,method,lab,accreditation,sample_date,report_date\n" +
                  $"{code},mitragynine,15,mg/g,detected,,,HPLC-UV,Page Lab,ISO/IEC 17025,2026-09-28,2026-10-01\n";
        var page = await quality.GetStringAsync("/certificates/import");
        using var body = new MultipartFormDataContent
        {
            { new StringContent("coa-import"), "_handler" },
            { new StringContent(HtmlForm.AntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        body.Add(file, "file", "coa.csv");

        var response = await quality.PostAsync("/certificates/import", body);

        var report = await quality.FollowAsync(response);
        Assert.Contains("Imported 1 new certificate(s)", report, StringComparison.Ordinal);
        Assert.Contains($"Lot {code}, Page Lab", report, StringComparison.Ordinal);
        Assert.DoesNotContain("import-result", await quality.GetStringAsync("/certificates/import"), StringComparison.Ordinal);
        Assert.Equal(1, await ProductTestData.CertificateCountAsync(server, lotId));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_nurse_cannot_open_the_product_form(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var response = await nurse.GetAsync("/products/new");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(string page, string handler, Dictionary<string, string> fields)
    {
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = HtmlForm.AntiforgeryToken(page);
        return new FormUrlEncodedContent(fields);
    }
}

public sealed class DemoLotTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_demo_has_a_recalled_lot_that_cannot_be_released_again_or_ordered(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var lotId = await ProductTestData.DemoLotIdAsync(quality, Speciosa.Web.Demo.DemoProducts.RecalledLot);
        var lot = await quality.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/lots/{lotId}");
        Assert.Equal("Recalled", lot.GetProperty("state").GetString());

        var release = await quality.PostAsJsonAsync($"/api/lots/{lotId}/release", new { reason = "try again", concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotId) });
        await release.AssertProblemAsync(HttpStatusCode.Conflict);

        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await RegimenTestData.EnrolLivingInAsync(clinician, "US-TN");
        var order = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens",
            RegimenTestData.Order(lot.GetProperty("productId").GetGuid(), lotId));
        Assert.Equal(HttpStatusCode.BadRequest, order.StatusCode);
        Assert.Contains("lotId", await order.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class LotPhotoPageTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_quality_user_adds_a_photo_on_the_lot_page_and_a_renamed_text_file_is_refused(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (_, lotId, _) = await ProductTestData.NewLotAsync(quality);

        var refused = await PostPhotoAsync(quality, lotId, Encoding.UTF8.GetBytes("just text, renamed leaf.png"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not a PNG, JPEG or WebP", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var added = await PostPhotoAsync(quality, lotId, ProductTestData.Png(4, 3));
        // Post, then redirect: a reload of the page it lands on adds nothing.
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var html = await quality.GetStringAsync(added.Headers.Location);
        Assert.Contains("Photo added.", html, StringComparison.Ordinal);
        Assert.Equal(1, (await quality.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/lots/{lotId}")).GetProperty("photos").GetArrayLength());
    }

    private static async Task<HttpResponseMessage> PostPhotoAsync(HttpClient client, Guid lotId, byte[] bytes)
    {
        var page = await client.GetStringAsync($"/lots/{lotId}");
        using var body = new MultipartFormDataContent
        {
            { new StringContent("photo"), "_handler" },
            { new StringContent(HtmlForm.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("Leaf"), "photoKind" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        body.Add(file, "photoFile", "leaf.png");
        return await client.PostAsync($"/lots/{lotId}", body);
    }
}

public sealed class LotRecallPageTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static async Task<HttpResponseMessage> PostRecallAsync(HttpClient client, Guid lotId, string reason, bool confirm)
    {
        var page = await client.GetStringAsync($"/lots/{lotId}");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("_handler", "recall"), new("__RequestVerificationToken", HtmlForm.AntiforgeryToken(page)), new("RecallReason", reason),
            new("Stamp", System.Text.RegularExpressions.Regex.Match(page, "name=\"Stamp\" value=\"([^\"]+)\"").Groups[1].Value),
        };
        if (confirm)
        {
            fields.Add(new("ConfirmRecall", "true"));
        }

        return await client.PostAsync($"/lots/{lotId}", new FormUrlEncodedContent(fields));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_recall_from_the_lot_page_needs_its_confirmation_keeps_the_reason_when_refused_and_then_redirects(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (_, lotId, _) = await ProductTestData.NewLotAsync(quality);

        var unconfirmed = await PostRecallAsync(quality, lotId, "Vendor notice 42", confirm: false);

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync());
        Assert.Contains("confirm the recall", html, StringComparison.Ordinal);
        Assert.Contains(">Vendor notice 42</textarea>", html, StringComparison.Ordinal);
        Assert.Equal("Quarantined", (await quality.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/lots/{lotId}")).GetProperty("state").GetString());

        var confirmed = await PostRecallAsync(quality, lotId, "Vendor notice 42", confirm: true);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("Lot recalled", await quality.GetStringAsync(confirmed.Headers.Location), StringComparison.Ordinal);
        Assert.Equal("Recalled", (await quality.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/lots/{lotId}")).GetProperty("state").GetString());
    }
}
