using System.Reflection;
using System.Text.Json;

namespace Speciosa.Clinical.Knowledge;

/// <summary>Reads the versioned knowledge JSON embedded from <c>src/knowledge/</c>.
/// Names are paths below that folder with forward slashes, e.g. <c>withdrawal/cows.json</c>.</summary>
public static class KnowledgeFile
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static string ReadText(string name)
    {
        var resource = "knowledge/" + name.Replace('\\', '/');
        using var stream = typeof(KnowledgeFile).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Knowledge file '{name}' is not embedded in Speciosa.Clinical.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static T Read<T>(string name) =>
        JsonSerializer.Deserialize<T>(ReadText(name), JsonOptions)
        ?? throw new InvalidOperationException($"Knowledge file '{name}' is empty.");

    public static IReadOnlyList<string> Names() =>
        typeof(KnowledgeFile).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("knowledge/", StringComparison.Ordinal))
            .Select(n => n["knowledge/".Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
}
