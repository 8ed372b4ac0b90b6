using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Speciosa.Web.Data;

/// <summary>Stores an instant as UTC ticks (SQLite only), so ordering and range queries run in SQL.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
