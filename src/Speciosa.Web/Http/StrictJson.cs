using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace Speciosa.Web.Http;

/// <summary>Fail-closed JSON reading for the API. Enums are read by name only: a number (<c>99</c>,
/// <c>-1</c>), a numeric string or an unknown name is refused with the names allowed, so an undefined
/// value never reaches a rule that would read it as some other case. A body that cannot be read is a 400
/// keyed by the JSON path of the field at fault (see <see cref="ProblemResponses"/>).</summary>
public static class StrictJson
{
    public static IServiceCollection AddSpeciosaJson(this IServiceCollection services)
    {
        // Minimal APIs hand an unreadable body to the exception handler, which names the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Insert(0, new StrictEnumConverterFactory()));
        services.AddOptions<JsonOptions>().Configure<TimeProvider>((o, clock) => InputLimits.Apply(o.SerializerOptions, clock));
        return services;
    }

    /// <summary>The field a JSON reading error is about, as the API names fields (<c>results[0].qualifier</c>),
    /// with what went wrong in words; null when the exception is not about the body's JSON.</summary>
    public static (string Field, string Message)? Describe(Exception exception)
    {
        var json = exception as JsonException ?? exception.InnerException as JsonException;
        if (json is null)
        {
            return null;
        }

        var path = json.Path is { Length: > 0 } p ? p : "$";
        var field = path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        if (json is InputLimits.FieldException named)
        {
            // Thrown once the object is read: the path is the object's, the field names itself within it.
            return (field == "body" ? named.Field : $"{field}.{named.Field}", named.Message);
        }

        var message = json is NotAllowedValueException or InputLimits.LimitException
            ? json.Message
            : field == "body"
                ? "The body is not valid JSON for this request."
                : "This value is not of the expected kind (text, number, true/false, date, id or list) or is malformed.";
        return (field, message);
    }

    /// <summary>The names an enum is read and written by (its <see cref="JsonStringEnumMemberNameAttribute"/> or its own).</summary>
    public static IReadOnlyList<string> NamesOf(Type enumType) =>
        Enum.GetNames(enumType).Select(n => enumType.GetField(n)!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? n).ToList();

    /// <summary>A refusal worded for people: it carries the values allowed.</summary>
    private sealed class NotAllowedValueException(string message) : JsonException(message);

    private sealed class StrictEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum && typeToConvert.GetCustomAttribute<FlagsAttribute>() is null;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class StrictEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly (T Value, string Name)[] Names = Enum.GetValues<T>()
            .Select(v => (v, typeof(T).GetField(v.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? v.ToString()))
            .ToArray();

        private static readonly string Allowed = string.Join(", ", Names.Select(n => n.Name));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType is JsonTokenType.String)
            {
                var text = reader.GetString();
                foreach (var (value, name) in Names)
                {
                    if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                    {
                        return value;
                    }
                }
            }

            // The value itself is not echoed: it could be anything a client typed.
            throw new NotAllowedValueException($"This value is not allowed here; use one of: {Allowed}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            foreach (var (v, name) in Names)
            {
                if (EqualityComparer<T>.Default.Equals(v, value))
                {
                    writer.WriteStringValue(name);
                    return;
                }
            }

            throw new JsonException($"Undefined {typeof(T).Name} value cannot be written.");
        }
    }
}
