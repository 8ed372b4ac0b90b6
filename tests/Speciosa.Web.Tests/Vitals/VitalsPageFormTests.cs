using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Vitals;
using Xunit;

namespace Speciosa.Web.Tests.Vitals;

/// <summary>The vital signs page's forms posted as a browser would.</summary>
public sealed class VitalsPageFormTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_vitals_form_records_poss_3_and_the_page_shows_the_Critical_alert_with_rule_threshold_and_source(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Vitalform");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "alprazolam 0.5 mg" })).StatusCode);
        var path = $"/patients/{id}/vitals";
        var fields = HtmlForm.FieldsOf(await client.GetStringAsync(path), "vitals");
        fields["VitalsInput.Poss"] = "3";
        fields["VitalsInput.RespiratoryRatePerMin"] = "12";
        fields["VitalsInput.HeartRateBpm"] = "64";

        var page = await client.FollowAsync(await client.PostFormAsync(path, "vitals", fields));

        Assert.Contains("Vital signs recorded", page, StringComparison.Ordinal);
        Assert.Contains("vitals.sedation-or-slowed-breathing-with-cns-depressant", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Critical</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Threshold: POSS 3 or 4", page, StringComparison.Ordinal);
        Assert.Contains("Source: Sedation or slowed breathing", page, StringComparison.Ordinal);
        Assert.Contains("id=\"vitals-chart-data\"", page, StringComparison.Ordinal);
        Assert.Contains("Seizure risk", page, StringComparison.Ordinal);
        Assert.Contains("Alcohol or benzodiazepine (withdrawal)", page, StringComparison.Ordinal);
        var overview = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{id}"));
        Assert.Contains("POSS 3 (Frequently drowsy", overview, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_heart_rate_out_of_range_stores_nothing_and_says_so_beside_the_field_keeping_the_input(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Vitalformbad");
        var path = $"/patients/{id}/vitals";
        var fields = HtmlForm.FieldsOf(await client.GetStringAsync(path), "vitals");
        fields["VitalsInput.HeartRateBpm"] = "300";
        fields["VitalsInput.Spo2Percent"] = "ninety";

        var response = await client.PostFormAsync(path, "vitals", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"spo2Percent-problem\" role=\"alert\"><strong>Problem:</strong> SpO2 in %: a whole number", page, StringComparison.Ordinal);
        Assert.Contains("value=\"300\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.VitalSigns.CountAsync(v => v.PatientId == id)));

        fields["VitalsInput.Spo2Percent"] = "97";
        response = await client.PostFormAsync(path, "vitals", fields);
        page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"heartRateBpm-problem\" role=\"alert\"><strong>Problem:</strong> Heart rate in beats a minute: a whole number from 20 to 250.", page, StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.VitalSigns.CountAsync(v => v.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_ecg_form_records_a_qtc_with_its_formula_and_the_page_shows_the_verdict_and_the_source(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Ecgform");
        var path = $"/patients/{id}/vitals";
        var fields = HtmlForm.FieldsOf(await client.GetStringAsync(path), "ecg");
        fields["EcgInput.QtcMs"] = "505";
        fields["EcgInput.CorrectionFormula"] = "fridericia";

        var page = await client.FollowAsync(await client.PostFormAsync(path, "ecg", fields));

        Assert.Contains("ECG recorded", page, StringComparison.Ordinal);
        Assert.Contains("above 500 ms: act", page, StringComparison.Ordinal);
        Assert.Contains("heart.qtc-above-500-act", page, StringComparison.Ordinal);
        Assert.Contains("Krantz MJ", page, StringComparison.Ordinal);
        Assert.Contains("(UNCONFIRMED)", page, StringComparison.Ordinal);

        var bad = await client.PostFormAsync(path, "ecg", new Dictionary<string, string>(fields) { ["EcgInput.CorrectionFormula"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"correctionFormula-problem\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
