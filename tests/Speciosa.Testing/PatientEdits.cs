using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Speciosa.Testing;

/// <summary>A whole-record PUT body built from the record as read, with the caller's changes: a PUT must
/// carry every field.</summary>
public static class PatientEdits
{
    public static JsonObject WholeRecord(JsonElement view, Action<JsonObject>? change = null)
    {
        var body = JsonNode.Parse(view.GetRawText())!.AsObject();
        body.Remove("id");
        body["careTeam"] = new JsonArray(view.GetProperty("careTeam").EnumerateArray()
            .Select(m => (JsonNode?)JsonValue.Create(m.GetProperty("userId").GetGuid())).ToArray());
        change?.Invoke(body);
        return body;
    }

    public static async Task<HttpResponseMessage> PutWholeRecordAsync(this HttpClient client, Guid patientId, Action<JsonObject> change)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}");
        return await client.PutAsync($"/api/patients/{patientId}", Json(WholeRecord(view, change)));
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
