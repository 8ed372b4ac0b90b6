using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Http;

/// <summary>A write that was made under an idempotency key, with the answer it got. Written in the same
/// transaction as the data (and its audit entry), so a retry after a crash either finds both or neither.</summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public required byte[] Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<IdempotencyRecord>(e =>
    {
        e.ToTable("IdempotencyRecords");
        e.HasKey(r => r.Id);
        e.Property(r => r.Key).HasMaxLength(Idempotency.MaxKeyLength);
        e.Property(r => r.RequestHash).HasMaxLength(64);
        e.Property(r => r.ContentType).HasMaxLength(200);
        e.Property(r => r.Location).HasMaxLength(500);
        e.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
    });
}

/// <summary>Writes a client may retry (doses, assessments, liver results, adverse events) accept an
/// <c>Idempotency-Key</c> header (IETF draft "The Idempotency-Key HTTP Header Field"). The first request with a
/// key runs in one transaction with the record of its answer; a repeat with the same key and the same request
/// gets that answer again (header <c>Idempotent-Replayed: true</c>) and stores nothing new; the same key with a
/// different request is a 422. Keys belong to the signed-in user. Only successful answers are kept: a refused
/// request changed nothing, so repeating it simply asks again.</summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 100;

    /// <summary>Marks an API endpoint as accepting <see cref="Header"/> (with <see cref="IdempotentEndpoint"/> metadata, so a
    /// test can list the creating endpoints that lack it).</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(static async (context, next) => await RunAsync(context, next)).WithMetadata(IdempotentEndpoint.Instance);

    /// <summary>Lets the filter hash the body after binding read it: requests with a key are buffered.</summary>
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Headers.ContainsKey(Header))
        {
            http.Request.EnableBuffering();
        }

        await next(http);
    });

    /// <summary>A key as clients send it: 1 to 100 visible ASCII characters (a UUID is typical).</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is > ' ' and <= '~');

    private static async ValueTask<object?> RunAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(context);
        }

        var key = values.Count == 1 ? values[0] : null;
        if (!IsValidKey(key))
        {
            return ProblemResponses.Invalid(Header, "Send one key of 1 to 100 visible ASCII characters (for example a UUID), new for each distinct write.");
        }

        if (http.User.UserId() is not { } userId)
        {
            return await next(context);
        }

        var db = http.RequestServices.GetRequiredService<SpeciosaDbContext>();
        var hash = await RequestHashAsync(http.Request);
        await using var serialised = await db.BeginSerialisedAsync("idempotency", $"{userId:N}/{key}", http.RequestAborted);
        var seen = await db.Set<IdempotencyRecord>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, http.RequestAborted);
        if (seen is not null)
        {
            return seen.RequestHash == hash
                ? new Replay(seen)
                : TypedResults.Problem(
                    detail: "This Idempotency-Key was used for a different request; use a new key for a new write.",
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: ProblemResponses.TitleFor(422),
                    type: "https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/");
        }

        var result = await next(context);
        if (result is not IResult answer)
        {
            return result;
        }

        var captured = await CaptureAsync(http, answer);
        if (captured.StatusCode is < 200 or > 299)
        {
            // Nothing is kept for a refusal; the serialised transaction commits whatever the handler wrote (nothing).
            await serialised.CommitAsync(http.RequestAborted);
            return new Replay(captured, replayed: false);
        }

        captured.Id = Guid.NewGuid();
        captured.UserId = userId;
        captured.Key = key!;
        captured.RequestHash = hash;
        captured.CreatedAt = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        db.Set<IdempotencyRecord>().Add(captured);
        await db.SaveChangesAsync(http.RequestAborted);
        await serialised.CommitAsync(http.RequestAborted);
        return new Replay(captured, replayed: false);
    }

    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }

            request.Body.Position = 0;
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Runs the handler's answer against a buffer, so it can be kept and sent (now and on a repeat).</summary>
    private static async Task<IdempotencyRecord> CaptureAsync(HttpContext http, IResult answer)
    {
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature { Path = http.Request.Path, Method = http.Request.Method });
        using var body = new MemoryStream();
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        var buffer = new DefaultHttpContext(features) { RequestServices = http.RequestServices, User = http.User };
        await answer.ExecuteAsync(buffer);
        return new IdempotencyRecord
        {
            Key = "",
            RequestHash = "",
            StatusCode = buffer.Response.StatusCode,
            ContentType = buffer.Response.ContentType,
            Location = buffer.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
            Body = body.ToArray(),
        };
    }

    /// <summary>Sends a kept answer.</summary>
    private sealed class Replay(IdempotencyRecord record, bool replayed = true) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = record.StatusCode;
            if (record.ContentType is not null)
            {
                response.ContentType = record.ContentType;
            }

            if (record.Location is not null)
            {
                response.Headers.Location = record.Location;
            }

            if (replayed)
            {
                response.Headers[ReplayedHeader] = "true";
            }

            await response.Body.WriteAsync(record.Body);
        }
    }
}

/// <summary>Endpoint metadata: this write accepts an <c>Idempotency-Key</c>.</summary>
public sealed class IdempotentEndpoint
{
    public static IdempotentEndpoint Instance { get; } = new();

    private IdempotentEndpoint()
    {
    }
}
