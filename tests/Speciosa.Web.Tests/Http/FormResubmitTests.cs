using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Http;

/// <summary>The forms that record doses, assessments, liver results and adverse events send an idempotency key:
/// the same post sent twice (a double click, a resent form) saves once and lands on the same result.</summary>
public sealed partial class FormResubmitTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [GeneratedRegex("name=\"idempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();

    private static async Task<(HttpResponseMessage First, HttpResponseMessage Second)> PostTwiceAsync(
        HttpClient client, string path, string handler, Func<string, IEnumerable<KeyValuePair<string, string>>> fields)
    {
        var page = await client.GetStringAsync(path);
        var key = KeyPattern().Match(page);
        Assert.True(key.Success, "The form carries no idempotency key.");
        var form = new List<KeyValuePair<string, string>>
        {
            new("_handler", handler), new("__RequestVerificationToken", HtmlForm.AntiforgeryToken(page)), new("idempotencyKey", key.Groups[1].Value),
        };
        form.AddRange(fields(page));
        var first = await client.PostAsync(path, new FormUrlEncodedContent(form));
        var second = await client.PostAsync(path, new FormUrlEncodedContent(form));
        return (first, second);
    }

    private static async Task AssertSameRedirectAsync(HttpResponseMessage first, HttpResponseMessage second)
    {
        var errors = string.Join(" | ", Regex.Matches(await first.Content.ReadAsStringAsync(), "<li>([^<]*)</li>|id=\"([^\"]*)-problem\" role=\"alert\"><strong>Problem:</strong> ([^<]*)")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : $"{m.Groups[2].Value}: {m.Groups[3].Value}"));
        Assert.True(first.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found, $"first post answered {(int)first.StatusCode}: {errors}");
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task The_dose_form_sent_twice_records_one_dose(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, lotId) = await PatientOnAnOrderAsync(clinician);
        var nurse = await server.SignedInClientAsync("demo.nurse");

        var (first, second) = await PostTwiceAsync(nurse, $"/patients/{patientId}/doses/new", "dose",
            _ => [new("Input.Grams", "2"), new("Input.LotId", lotId.ToString())]);

        await AssertSameRedirectAsync(first, second);
        Assert.Equal(1, await server.QueryAsync(d => d.Doses.CountAsync(x => x.PatientId == patientId)));
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task The_assessment_form_sent_twice_records_one_assessment(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(clinician, "Twiceform");
        // The time the form offers (now, in the clinic's zone) and no sign of withdrawal on any item.
        IEnumerable<KeyValuePair<string, string>> Answers(string page) => Enumerable.Range(1, 11)
            .Select(n => new KeyValuePair<string, string>($"item{n}", "0"))
            .Append(new("assessedAt", Regex.Match(page, "name=\"assessedAt\" type=\"datetime-local\" value=\"([^\"]+)\"").Groups[1].Value));

        var (first, second) = await PostTwiceAsync(clinician, $"/patients/{patientId}/assess/cows", "assessment", Answers);

        await AssertSameRedirectAsync(first, second);
        Assert.Equal(1, await server.QueryAsync(d => d.Assessments.CountAsync(x => x.PatientId == patientId)));
    }
}
