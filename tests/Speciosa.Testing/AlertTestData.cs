using System.Net.Http.Json;
using System.Text.Json;

namespace Speciosa.Testing;

/// <summary>Reading the alert worklist in tests.</summary>
public static class AlertTestData
{
    /// <summary>The patient's alerts on the worklist (any status unless <paramref name="status"/> says), optionally
    /// of one rule only.</summary>
    public static async Task<JsonElement[]> AlertsAsync(HttpClient client, Guid patientId, string? rule = null, string status = "all") =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/alerts?patientId={patientId}&status={status}&pageSize=100" + (rule is null ? "" : $"&rule={rule}")))
            .GetProperty("items").EnumerateArray().ToArray();
}
