using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Http;

/// <summary>The page side of <see cref="Idempotency"/>: every form that records a dose, an assessment, liver
/// results or an adverse event sends a key (<c>&lt;FormKey /&gt;</c>). The first post under a key saves and keeps
/// where its result is shown; the same post again (a double click, a resent form, a retry after a dropped
/// connection) saves nothing and goes to that result. Only saves are kept: a form that came back with errors
/// changed nothing and can be sent again under its key.</summary>
public static class IdempotentForms
{
    public const string FieldName = "idempotencyKey";

    /// <summary>The key to render: the one posted, when the form comes back after an error; else a new one.</summary>
    public static string KeyFor(HttpContext http) =>
        http.Request.HasFormContentType && http.Request.Form.TryGetValue(FieldName, out var posted) && Idempotency.IsValidKey(posted)
            ? posted.ToString()
            : Guid.NewGuid().ToString();

    /// <summary>Runs <paramref name="save"/> at most once per posted key. It returns where its saved result is
    /// shown (e.g. the record's page), or null when it saved nothing (errors). The answer is that address:
    /// the new one, or the first one's on a repeat.</summary>
    public static async Task<string?> SaveOnceAsync(HttpContext http, SpeciosaDbContext db, Func<Task<string?>> save)
    {
        var key = http.Request.HasFormContentType ? http.Request.Form[FieldName].ToString() : null;
        if (!Idempotency.IsValidKey(key) || http.User.UserId() is not { } userId)
        {
            return await save();
        }

        var ct = http.RequestAborted;
        await using var serialised = await db.BeginSerialisedAsync("idempotency", $"{userId:N}/{key}", ct);
        var seen = await db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
        if (seen is not null)
        {
            return seen.Location;
        }

        var location = await save();
        if (location is not null)
        {
            db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
            {
                Id = Guid.NewGuid(), UserId = userId, Key = key!, RequestHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("form " + http.Request.Path))), StatusCode = StatusCodes.Status303SeeOther,
                Location = location, Body = [], CreatedAt = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
        }

        await serialised.CommitAsync(ct);
        return location;
    }
}
