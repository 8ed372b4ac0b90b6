using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;
using Speciosa.Web.Regimens;
using Speciosa.Web.Safety;
using Speciosa.Web.Withdrawal;

namespace Speciosa.Web.Portal;

/// <summary>One patient-reported item a source contributes to the staff review queue.</summary>
public sealed record ReportedItem(Guid ItemId, Guid PatientId, DateTimeOffset ReportedAt, string Summary, string? Href = null);

/// <summary>What the queue asks a source for: items of these patients (the caller's clinic, or one patient), leaving out the
/// items already closed (accepted or "contact patient"), or only those, or exactly one item; at most <see cref="Take"/>, newest
/// first. Use <see cref="Apply"/> on the source's table so every source filters alike.</summary>
public sealed record ReviewQueueQuery(IQueryable<Guid> PatientIds, IQueryable<Guid>? Only, IQueryable<Guid>? Except, Guid? ItemId, int Take)
{
    /// <summary>The rows of <paramref name="rows"/> this query covers, given how to read a row's item id and patient id.</summary>
    public IQueryable<T> Apply<T>(IQueryable<T> rows, Expression<Func<T, Guid>> itemId, Expression<Func<T, Guid>> patientId)
    {
        var patients = PatientIds;
        rows = rows.Where(Compose(patientId, p => patients.Contains(p)));
        if (ItemId is { } one)
        {
            rows = rows.Where(Compose(itemId, i => i == one));
        }

        if (Only is { } only)
        {
            rows = rows.Where(Compose(itemId, i => only.Contains(i)));
        }

        if (Except is { } except)
        {
            rows = rows.Where(Compose(itemId, i => !except.Contains(i)));
        }

        return rows;
    }

    private static Expression<Func<T, bool>> Compose<T>(Expression<Func<T, Guid>> select, Expression<Func<Guid, bool>> test) =>
        Expression.Lambda<Func<T, bool>>(new Replace(test.Parameters[0], select.Body).Visit(test.Body), select.Parameters);

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>A feature's patient-reported items for the staff review queue (issue 14 item 7). Portal contributes check-ins, doses
/// and side effects; another feature (care-plan activity notes) implements this and registers it
/// (<c>services.AddScoped&lt;IReviewQueueSource, …&gt;()</c>) to add its rows. <see cref="Kind"/> is stable, lower-case, at most
/// 32 characters: reviews are stored under it.</summary>
public interface IReviewQueueSource
{
    string Kind { get; }

    /// <summary>Plain words for staff, e.g. "Side effect".</summary>
    string Title { get; }

    /// <summary>How many items match, and the newest <see cref="ReviewQueueQuery.Take"/> of them, newest first.</summary>
    Task<(int Total, IReadOnlyList<ReportedItem> Newest)> ReportedAsync(ReviewQueueQuery query, CancellationToken ct);
}

/// <summary>The states a review can be in; no row means "awaiting review".</summary>
public static class ReviewStates
{
    public const string Awaiting = "awaiting";
    public const string Commented = "commented";
    public const string Accepted = "accepted";
    public const string ContactPatient = "contact-patient";
}

public sealed record ReviewQueueRow(string Kind, string KindTitle, Guid ItemId, Guid PatientId, string PatientName, DateTimeOffset ReportedAt,
    string Summary, string? Href, string State, string? Note, string? ReviewedBy, DateTimeOffset? ReviewedAt, Guid? ConcurrencyStamp);

/// <summary>accept (note optional), comment (note required; stays awaiting), contact (note required: staff will contact the
/// patient). <see cref="ConcurrencyStamp"/> is the row's as read (none before the first review).</summary>
public sealed record ReviewRequest(string? Action, string? Note, Guid? ConcurrencyStamp);

/// <summary>The staff review queue of one clinic (issue 14 item 7): everything patients reported, from every
/// <see cref="IReviewQueueSource"/>, newest first, filterable by patient and state, paged. A decision is stored per item with who
/// and when, checks the concurrency stamp, and is audited by its endpoint or page. Accepted is final.</summary>
public sealed class ReviewQueue(SpeciosaDbContext db, IEnumerable<IReviewQueueSource> sources, TimeProvider clock)
{
    public const int MaxNote = 1000;
    public static readonly IReadOnlyList<string> StateFilters = [ReviewStates.Awaiting, "reviewed", "all"];

    public IReadOnlyList<IReviewQueueSource> Sources { get; } = sources.OrderBy(s => s.Kind, StringComparer.Ordinal).ToList();

    public async Task<(ListPage<ReviewQueueRow>? Page, Outcome Outcome)> ListAsync(
        ClaimsPrincipal user, Guid? patientId, string? state, PageRequest paging, CancellationToken ct = default)
    {
        var errors = paging.Check();
        state ??= ReviewStates.Awaiting;
        if (!StateFilters.Contains(state))
        {
            errors["state"] = [$"Allowed: {string.Join(", ", StateFilters)}."];
        }

        if (errors.Count > 0)
        {
            return (null, Outcome.Invalid(errors));
        }

        var patients = db.Patients.VisibleTo(user);
        if (patientId is { } one)
        {
            if (!await patients.AnyAsync(p => p.Id == one, ct))
            {
                return (null, Outcome.NotFound);
            }

            patients = patients.Where(p => p.Id == one);
        }

        var patientIds = patients.Select(p => p.Id);
        var take = paging.Skip + paging.Size;
        var found = new List<(IReviewQueueSource Source, ReportedItem Item)>();
        var total = 0;
        foreach (var source in Sources)
        {
            var kind = source.Kind;
            var closed = db.PatientReportReviews.Where(r => r.Kind == kind && r.State != ReviewStates.Commented).Select(r => r.ItemId);
            var query = new ReviewQueueQuery(patientIds, state == "reviewed" ? closed : null, state == ReviewStates.Awaiting ? closed : null, null, take);
            var (count, newest) = await source.ReportedAsync(query, ct);
            total += count;
            found.AddRange(newest.Select(i => (source, i)));
        }

        var page = found.OrderByDescending(f => f.Item.ReportedAt).ThenBy(f => f.Item.ItemId).Skip(paging.Skip).Take(paging.Size).ToList();
        return (paging.Of(await RowsAsync(page, ct), total), Outcome.Done);
    }

    public async Task<(ReviewQueueRow? Row, Outcome Outcome)> ReviewAsync(
        ClaimsPrincipal user, string kind, Guid itemId, ReviewRequest request, CancellationToken ct = default)
    {
        var source = Sources.FirstOrDefault(s => s.Kind == kind);
        if (source is null)
        {
            return (null, Outcome.NotFound);
        }

        var (_, items) = await source.ReportedAsync(new ReviewQueueQuery(db.Patients.VisibleTo(user).Select(p => p.Id), null, null, itemId, 1), ct);
        if (items.Count == 0)
        {
            return (null, Outcome.NotFound);
        }

        var item = items[0];
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var errors = new Dictionary<string, string[]>();
        var newState = request.Action switch
        {
            "accept" => ReviewStates.Accepted,
            "comment" => ReviewStates.Commented,
            "contact" => ReviewStates.ContactPatient,
            _ => null,
        };
        if (newState is null)
        {
            errors["action"] = ["Allowed: accept, comment, contact."];
        }
        else if (newState != ReviewStates.Accepted && note is null)
        {
            errors["note"] = [newState == ReviewStates.Commented ? "Write the comment." : "Write a note: who will contact the patient, how and about what."];
        }

        if (note is { Length: > MaxNote })
        {
            errors["note"] = [$"At most {MaxNote} characters."];
        }

        if (errors.Count > 0)
        {
            return (null, Outcome.Invalid(errors));
        }

        var row = await db.PatientReportReviews.FirstOrDefaultAsync(r => r.Kind == kind && r.ItemId == itemId, ct);
        if (request.ConcurrencyStamp != row?.ConcurrencyStamp)
        {
            return (null, Outcome.Stale());
        }

        if (row?.State == ReviewStates.Accepted)
        {
            return (null, Outcome.Conflict("This report is already accepted."));
        }

        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == item.PatientId, ct);
        if (row is null)
        {
            row = new PatientReportReview { Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, Kind = kind, ItemId = itemId, State = newState! };
            db.PatientReportReviews.Add(row);
        }

        row.State = newState!;
        row.Note = note;
        row.ReviewedBy = user.UserId()!.Value;
        row.ReviewedAt = clock.GetUtcNow();
        row.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Changed by someone else since it was read, or reviewed for the first time by two people at once.
            db.ChangeTracker.Clear();
            return (null, Outcome.Stale());
        }

        return ((await RowsAsync([(source, item)], ct))[0], Outcome.Done);
    }

    private async Task<IReadOnlyList<ReviewQueueRow>> RowsAsync(IReadOnlyList<(IReviewQueueSource Source, ReportedItem Item)> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Item.ItemId).ToList();
        var reviews = await db.PatientReportReviews.AsNoTracking().Where(r => ids.Contains(r.ItemId)).ToListAsync(ct);
        var patientIds = items.Select(i => i.Item.PatientId).Distinct().ToList();
        var names = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName}", ct);
        var userIds = reviews.Select(r => r.ReviewedBy).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, ct);
        return items.Select(i =>
        {
            var r = reviews.FirstOrDefault(r => r.Kind == i.Source.Kind && r.ItemId == i.Item.ItemId);
            return new ReviewQueueRow(i.Source.Kind, i.Source.Title, i.Item.ItemId, i.Item.PatientId, names.GetValueOrDefault(i.Item.PatientId, ""),
                i.Item.ReportedAt, i.Item.Summary, i.Item.Href, r?.State ?? ReviewStates.Awaiting, r?.Note,
                r is null ? null : users.GetValueOrDefault(r.ReviewedBy), r?.ReviewedAt, r?.ConcurrencyStamp);
        }).ToList();
    }
}

/// <summary>Check-ins (SOWS, craving and any other instrument) a patient rated themselves (Withdrawal's assessments).</summary>
public sealed class CheckInReports(SpeciosaDbContext db) : IReviewQueueSource
{
    public string Kind => "check-in";
    public string Title => "Check-in";

    public async Task<(int Total, IReadOnlyList<ReportedItem> Newest)> ReportedAsync(ReviewQueueQuery query, CancellationToken ct)
    {
        var rows = query.Apply(db.Assessments.AsNoTracking().Where(a => a.PatientReported), a => a.Id, a => a.PatientId);
        var total = await rows.CountAsync(ct);
        var newest = await rows.OrderByDescending(a => a.AssessedAt).Take(query.Take)
            .Select(a => new { a.Id, a.PatientId, a.AssessedAt, a.InstrumentId, a.Total }).ToListAsync(ct);
        return (total, newest.Select(a =>
        {
            var instrument = InstrumentCatalog.Default.Find(a.InstrumentId);
            var max = instrument?.Items.Sum(i => i.MaxScore);
            return new ReportedItem(a.Id, a.PatientId, a.AssessedAt,
                $"{instrument?.Name ?? a.InstrumentId}: total {a.Total.ToString(CultureInfo.InvariantCulture)}{(max is { } m ? $" of {m.ToString(CultureInfo.InvariantCulture)}" : "")}",
                $"/patients/{a.PatientId}/assessments");
        }).ToList());
    }
}

/// <summary>Doses a patient reported taking (Regimens' dose log, source PatientReported).</summary>
public sealed class DoseReports(SpeciosaDbContext db) : IReviewQueueSource
{
    public string Kind => "dose";
    public string Title => "Dose taken";

    public async Task<(int Total, IReadOnlyList<ReportedItem> Newest)> ReportedAsync(ReviewQueueQuery query, CancellationToken ct)
    {
        var reported = nameof(Speciosa.Clinical.Regimens.DoseSource.PatientReported);
        var rows = query.Apply(db.Doses.AsNoTracking().Where(d => d.Source == reported), d => d.Id, d => d.PatientId);
        var total = await rows.CountAsync(ct);
        var newest = await rows.OrderByDescending(d => d.GivenAt).Take(query.Take)
            .Select(d => new { d.Id, d.PatientId, d.GivenAt, d.Grams, d.LotId }).ToListAsync(ct);
        var lotIds = newest.Where(d => d.LotId != null).Select(d => d.LotId!.Value).Distinct().ToList();
        var lots = await db.Lots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => (l.LotCode, l.State), ct);
        return (total, newest.Select(d => new ReportedItem(d.Id, d.PatientId, d.GivenAt,
            $"{d.Grams.ToString("0.###", CultureInfo.InvariantCulture)} g, lot " + (d.LotId is { } l && lots.TryGetValue(l, out var lot)
                ? lot.LotCode + (lot.State == LotState.Released ? "" : $" ({lot.State.ToString().ToLowerInvariant()})")
                : "not known to the patient"),
            $"/patients/{d.PatientId}/regimen")).ToList());
    }
}

/// <summary>Side effects a patient reported: Safety's adverse-event drafts made from them.</summary>
public sealed class SideEffectReports(SpeciosaDbContext db) : IReviewQueueSource
{
    public string Kind => "side-effect";
    public string Title => "Side effect (adverse-event draft)";

    public async Task<(int Total, IReadOnlyList<ReportedItem> Newest)> ReportedAsync(ReviewQueueQuery query, CancellationToken ct)
    {
        var rows = query.Apply(db.AdverseEvents.AsNoTracking().Where(e => e.PatientReported && !e.EnteredInError), e => e.Id, e => e.PatientId);
        var total = await rows.CountAsync(ct);
        var newest = await rows.OrderByDescending(e => e.RecordedAt).Take(query.Take)
            .Select(e => new { e.Id, e.PatientId, e.RecordedAt, e.TermText, e.Grade, e.Draft, e.Description }).ToListAsync(ct);
        return (total, newest.Select(e => new ReportedItem(e.Id, e.PatientId, e.RecordedAt,
            $"{e.TermText}, draft grade {e.Grade.ToString(CultureInfo.InvariantCulture)}{(e.Draft ? " (draft, not yet assessed)" : "")}. {e.Description}".TrimEnd(),
            $"/patients/{e.PatientId}/adverse-events")).ToList());
    }
}
