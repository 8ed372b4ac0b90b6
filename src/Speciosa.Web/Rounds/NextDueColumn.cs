using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Liver;
using Speciosa.Clinical.Vitals;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Rounds;

/// <summary>The patient list's "Next due" (issue 15 item 4): the earliest item due, from what the home board counts — a test due or
/// overdue (an active alert of the liver schedule, the 48–72 h liver repeat or an ECG prompt: due since it was raised), the COWS or
/// SOWS due today and the dose due today (<see cref="RoundDue"/>: due from the start of today's clinic day; the assessment before
/// the dose, since the dose check reads it). A test raised before today comes first; one raised today after today's round.
/// Ascending is the earliest due first; patients with nothing due last.</summary>
public sealed class NextDueColumn(RoundDue due, SpeciosaDbContext db) : IPatientListColumn
{
    /// <summary>The rules whose active alerts are the board's "tests due or overdue".</summary>
    public static IReadOnlyList<AlertRule> TestRules { get; } =
        [.. LiverMonitoring.All, LiverAlertRules.AminotransferaseAbove3, .. VitalAlertRules.EcgPrompts];

    public int Order => 30;

    public string Key => "nextDue";

    public string Header => "Next due";

    public string AscendingWords => ", earliest due first";

    public string DescendingWords => ", latest due first";

    public async Task<PatientListOrder> OrderAsync(PatientListContext context, CancellationToken ct)
    {
        var today = await due.TodayAsync(context.User, ct);
        var tests = ActiveTests(context.Now);
        DateTimeOffset? from = today.From;
        Expression<Func<Patient, DateTimeOffset?>> testAt = p => tests.Where(a => a.PatientId == p.Id).OrderBy(a => a.RaisedAt)
            .Select(a => (DateTimeOffset?)a.RaisedAt).FirstOrDefault();
        Expression<Func<DateTimeOffset?>> fromValue = () => from;

        var p = Expression.Parameter(typeof(Patient), "p");
        var test = Inline(testAt, p);
        var round = Expression.OrElse(Inline(today.Assessment, p), Inline(today.Dose, p));
        var none = Expression.Constant(null, typeof(DateTimeOffset?));
        // The test's time when it is due before today's round or alone; else the start of today when the round has something; else none.
        var key = Expression.Condition(
            Expression.AndAlso(Expression.NotEqual(test, none), Expression.OrElse(Expression.LessThan(test, fromValue.Body), Expression.Not(round))),
            test,
            Expression.Condition(round, fromValue.Body, none));
        var rank = Expression.Condition(Inline(today.Assessment, p), Expression.Constant(0),
            Expression.Condition(Inline(today.Dose, p), Expression.Constant(1), Expression.Constant(2)));
        return PatientListOrder.NullsLast(Expression.Lambda<Func<Patient, DateTimeOffset?>>(key, p))
            .ThenBy(Expression.Lambda<Func<Patient, int>>(rank, p));
    }

    public async Task<IReadOnlyDictionary<Guid, string>> ValuesAsync(IReadOnlyList<Guid> patientIds, PatientListContext context, CancellationToken ct)
    {
        var today = await due.TodayAsync(context.User, ct);
        var page = db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id));
        var assessment = (await page.Where(today.Assessment).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var dose = (await page.Where(today.Dose).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var tests = await ActiveTests(context.Now).Where(a => patientIds.Contains(a.PatientId))
            .Select(a => new { a.PatientId, a.RuleId, a.RaisedAt }).ToListAsync(ct);
        var titles = TestRules.ToDictionary(r => r.Id, r => r.Title, StringComparer.Ordinal);
        var cells = new Dictionary<Guid, string>();
        foreach (var id in patientIds)
        {
            var items = tests.Where(t => t.PatientId == id)
                .Select(t => (At: t.RaisedAt, Rank: 2, Text: $"{titles[t.RuleId]} (since {context.Zone.Labelled(t.RaisedAt)})")).ToList();
            if (assessment.Contains(id))
            {
                items.Add((today.From, 0, "COWS or SOWS due today"));
            }

            if (dose.Contains(id))
            {
                items.Add((today.From, 1, "Dose due today"));
            }

            if (items.Count > 0)
            {
                var next = items.OrderBy(i => i.At).ThenBy(i => i.Rank).First();
                cells[id] = next.Text + (items.Count > 1 ? $"; {items.Count - 1} more due" : "");
            }
        }

        return cells;
    }

    private IQueryable<RaisedAlert> ActiveTests(DateTimeOffset now)
    {
        var rules = TestRules.Select(r => r.Id).ToList();
        return db.Alerts.Where(a => rules.Contains(a.RuleId) && a.Status != AlertStatus.Resolved && (a.SnoozedUntil == null || a.SnoozedUntil <= now));
    }

    private static Expression Inline(LambdaExpression lambda, ParameterExpression p) => ReplacingExpressionVisitor.Replace(lambda.Parameters[0], p, lambda.Body);
}
