using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Jurisdictions;

/// <summary>A registry change that refuses supply waits for a second administrator (issue 15 item 8): the 202 proposal an
/// edit answered, approved by demo.admin2.</summary>
internal static class FourEyes
{
    public static async Task<JsonElement> ApproveAsync(SpeciosaServer server, HttpResponseMessage proposed)
    {
        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        var proposal = await proposed.Content.ReadFromJsonAsync<JsonElement>();
        var second = await server.SignedInClientAsync("demo.admin2");
        var approved = await second.PostAsJsonAsync($"/api/jurisdictions/proposals/{proposal.GetProperty("id").GetInt64()}/approve",
            new { concurrencyStamp = proposal.GetProperty("concurrencyStamp").GetString() });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return await approved.Content.ReadFromJsonAsync<JsonElement>();
    }
}
