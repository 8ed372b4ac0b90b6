using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Speciosa.Web.Http;

/// <summary>A time a clinician or patient records about something that happened (a sample taken, a dose given, an onset):
/// it must lie between 1900 and the end of tomorrow at the clinic. Read by <see cref="InputLimits"/> for every request
/// body, so every endpoint that takes one refuses the same way (400 naming the field).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ClinicalTimeAttribute : Attribute;

/// <summary>The limits every JSON request body is read under, in one place, and stated in the OpenAPI document:
/// <list type="bullet">
/// <item>every text field has a maximum length: its <c>[MaxLength]</c>/<c>[StringLength]</c>, else
/// <see cref="DefaultMaxLength"/>; longer is a 400 naming the field;</item>
/// <item>every date and time lies in <see cref="EarliestYear"/>–<see cref="LatestYear"/> (year 1 and 9999 overflow the
/// arithmetic and the databases), and a <see cref="ClinicalTimeAttribute"/> time is not after tomorrow (clinic time; read
/// at the widest zone, UTC+14, as the body is read before the clinic is known — the services then check "not in the
/// future" against the clinic's own zone);</item>
/// <item>no list holds null (<c>[null]</c>).</item>
/// </list>
/// Each refusal is a <see cref="JsonException"/> whose path the problem handler turns into the field's name.</summary>
public static class InputLimits
{
    public const int DefaultMaxLength = 4000;
    public const int EarliestYear = 1900;
    public const int LatestYear = 2199;

    /// <summary>The widest clinic offset: tomorrow ends latest there.</summary>
    private static readonly TimeSpan WidestOffset = TimeSpan.FromHours(14);

    public static void Apply(JsonSerializerOptions options, TimeProvider clock)
    {
        options.Converters.Insert(0, new LimitedStringConverter(DefaultMaxLength));
        options.Converters.Insert(0, new DateTimeOffsetConverter(clock, clinical: false));
        options.Converters.Insert(0, new DateTimeConverter());
        options.Converters.Insert(0, new DateOnlyConverter(clock, clinical: false));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(info => Modify(info, clock));
    }

    /// <summary>The maximum length of a text property: its attribute's, else the default.</summary>
    public static int MaxLengthOf(JsonPropertyInfo property) =>
        Attribute<MaxLengthAttribute>(property)?.Length
        ?? Attribute<StringLengthAttribute>(property)?.MaximumLength
        ?? DefaultMaxLength;

    private static T? Attribute<T>(JsonPropertyInfo property)
        where T : Attribute =>
        property.AttributeProvider?.GetCustomAttributes(typeof(T), true).OfType<T>().FirstOrDefault()
        ?? property.AssociatedParameter?.AttributeProvider?.GetCustomAttributes(typeof(T), true).OfType<T>().FirstOrDefault();

    private static void Modify(JsonTypeInfo info, TimeProvider clock)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Assembly != typeof(InputLimits).Assembly)
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var clinical = Attribute<ClinicalTimeAttribute>(property) is not null;
            if (type == typeof(string))
            {
                var max = MaxLengthOf(property);
                if (max != DefaultMaxLength)
                {
                    property.CustomConverter = new LimitedStringConverter(max);
                }
            }
            else if (clinical && type == typeof(DateTimeOffset))
            {
                property.CustomConverter = property.PropertyType == type
                    ? new DateTimeOffsetConverter(clock, clinical: true)
                    : new NullableConverter<DateTimeOffset>(new DateTimeOffsetConverter(clock, clinical: true));
            }
            else if (clinical && type == typeof(DateOnly))
            {
                property.CustomConverter = property.PropertyType == type
                    ? new DateOnlyConverter(clock, clinical: true)
                    : new NullableConverter<DateOnly>(new DateOnlyConverter(clock, clinical: true));
            }
        }

        var lists = ListsOf(info.Type);
        if (lists.Length > 0)
        {
            var previous = info.OnDeserialized;
            info.OnDeserialized = value =>
            {
                foreach (var (name, get) in lists)
                {
                    if (get(value) is IEnumerable items)
                    {
                        var index = 0;
                        foreach (var item in items)
                        {
                            if (item is null)
                            {
                                throw new FieldException($"{name}[{index}]", "A list may not hold null; leave the entry out instead.");
                            }

                            index++;
                        }
                    }
                }

                previous?.Invoke(value);
            };
        }
    }

    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]> Lists = new();

    private static (string Name, Func<object, object?> Get)[] ListsOf(Type type) => Lists.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.PropertyType != typeof(string)
                && typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && !p.PropertyType.IsAssignableTo(typeof(IDictionary)))
            .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name),
                (Func<object, object?>)p.GetValue))
            .ToArray());

    /// <summary>A refusal that names its field itself (relative to the object being read).</summary>
    public sealed class FieldException(string field, string message) : JsonException(message)
    {
        public string Field { get; } = field;
    }

    /// <summary>A refusal worded for people (not the serializer's words).</summary>
    public sealed class LimitException(string message) : JsonException(message);

    private sealed class LimitedStringConverter(int max) : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new LimitException("This value must be text.");
            }

            var text = reader.GetString();
            if (text is not null && text.Length > max)
            {
                throw new LimitException($"At most {max} characters.");
            }

            return text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        // Dictionary keys are text too: read under the same limit, written as they are.
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? "";
            return text.Length <= max ? text : throw new LimitException($"At most {max} characters.");
        }

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value);
    }

    private static (DateTimeOffset Earliest, DateTimeOffset Latest) Range(TimeProvider clock, bool clinical)
    {
        var earliest = new DateTimeOffset(EarliestYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
        if (!clinical)
        {
            return (earliest, new DateTimeOffset(LatestYear, 12, 31, 23, 59, 59, TimeSpan.Zero));
        }

        // The end of tomorrow where tomorrow ends last.
        var there = clock.GetUtcNow().ToOffset(WidestOffset);
        return (earliest, new DateTimeOffset(there.Date.AddDays(2), WidestOffset));
    }

    private static string Allowed(bool clinical) => clinical
        ? $"A time from {EarliestYear} up to the end of tomorrow at the clinic."
        : $"A date from {EarliestYear} to {LatestYear}.";

    private sealed class DateTimeOffsetConverter(TimeProvider clock, bool clinical) : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
            {
                throw new LimitException("This value must be a date and time (ISO 8601, e.g. 2026-05-01T09:30:00+00:00).");
            }

            var (earliest, latest) = Range(clock, clinical);
            return value >= earliest && value < latest ? value : throw new LimitException(Allowed(clinical));
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }

    private sealed class DateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTime(out var value))
            {
                throw new LimitException("This value must be a date and time (ISO 8601).");
            }

            return value.Year is >= EarliestYear and <= LatestYear ? value : throw new LimitException(Allowed(false));
        }

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class DateOnlyConverter(TimeProvider clock, bool clinical) : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String
                || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                throw new LimitException("This value must be a date (yyyy-mm-dd).");
            }

            var (earliest, latest) = Range(clock, clinical);
            var first = DateOnly.FromDateTime(earliest.Date);
            var last = DateOnly.FromDateTime(latest.DateTime).AddDays(clinical ? -1 : 0);
            return value >= first && value <= last ? value : throw new LimitException(Allowed(clinical));
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private sealed class NullableConverter<T>(JsonConverter<T> inner) : JsonConverter<T?>
        where T : struct
    {
        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : inner.Read(ref reader, typeof(T), options);

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value is { } v)
            {
                inner.Write(writer, v, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    /// <summary>States the limits in the OpenAPI document: the converters above hide the types from the schema generator, so
    /// strings, dates and enums get their type back here, every text field its <c>maxLength</c>, and enums their names.</summary>
    public static OpenApiOptions AddInputLimits(this OpenApiOptions options)
    {
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            var nullable = Nullable.GetUnderlyingType(type) is not null
                || (context.JsonPropertyInfo is { } p && !underlying.IsValueType && p.IsSetNullable);
            if (underlying == typeof(string))
            {
                schema.Type = JsonSchemaType.String | (nullable ? JsonSchemaType.Null : 0);
                schema.MaxLength = context.JsonPropertyInfo is { } property ? MaxLengthOf(property) : DefaultMaxLength;
            }
            else if (underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime) || underlying == typeof(DateOnly))
            {
                schema.Type = JsonSchemaType.String | (nullable ? JsonSchemaType.Null : 0);
                schema.Format = underlying == typeof(DateOnly) ? "date" : "date-time";
                schema.MaxLength = 40;
            }
            else if (underlying == typeof(Guid))
            {
                schema.MaxLength = 36; // the text of an id: 8-4-4-4-12 hex digits
            }
            else if (underlying.IsEnum && underlying.GetCustomAttribute<FlagsAttribute>() is null && schema.Type is null && schema.Enum is not { Count: > 0 })
            {
                schema.Type = JsonSchemaType.String | (nullable ? JsonSchemaType.Null : 0);
                schema.MaxLength = 100;
                schema.Enum = StrictJson.NamesOf(underlying).Select(n => (JsonNode)JsonValue.Create(n)!).ToList();
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
