using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Speciosa.Web.Http;

/// <summary>A request that replaces a whole record (PUT) and must therefore name every field it
/// replaces, so that nothing — above all no safety flag — is cleared by being left out.</summary>
public interface IWholeRecordRequest
{
    /// <summary>The JSON names a PUT must carry (null is allowed where the field is optional; absent is not).</summary>
    static abstract IReadOnlyList<string> EveryField { get; }
}

/// <summary>Binds a PUT body and lists the fields it left out (<see cref="Missing"/>); the endpoint answers
/// 400 naming them before it changes anything. A body that is not JSON of the right shape is a 400 keyed by
/// its field, like any other (see <see cref="StrictJson"/>).</summary>
public sealed class WholeRecord<T>
    where T : class, IWholeRecordRequest
{
    private WholeRecord(T? value, IReadOnlyList<string> missing)
    {
        Value = value;
        Missing = missing;
    }

    public T? Value { get; }

    public IReadOnlyList<string> Missing { get; }

    /// <summary>400 problem errors for the missing fields, each saying what to send.</summary>
    public Dictionary<string, string[]> MissingErrors() => Missing.ToDictionary(
        f => f,
        _ => new[] { "Required on a full update: send the current value (null where the field may be empty); a field left out is never taken as cleared." });

    public static async ValueTask<WholeRecord<T>?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        if (!http.Request.HasJsonContentType())
        {
            throw new BadHttpRequestException("Send the record as application/json.", StatusCodes.Status415UnsupportedMediaType);
        }

        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            if (document.RootElement.ValueKind is not JsonValueKind.Object)
            {
                throw new BadHttpRequestException("The body must be a JSON object.", new JsonException("The body must be a JSON object.", "$", null, null));
            }

            var present = document.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = T.EveryField.Where(f => !present.Contains(f)).ToList();
            return new WholeRecord<T>(missing.Count == 0 ? document.RootElement.Deserialize<T>(options) : null, missing);
        }
        catch (JsonException ex)
        {
            throw new BadHttpRequestException("The body could not be read.", ex);
        }
    }
}
