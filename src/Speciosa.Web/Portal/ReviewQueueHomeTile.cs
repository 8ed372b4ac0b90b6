using Speciosa.Web.Components.Home;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Withdrawal;

namespace Speciosa.Web.Portal;

/// <summary>The clinician's and nurse's board, the patients' side (issue 15 item 1): reports awaiting review (the review queue's own
/// total in its default state, awaiting) and patients without today's check-in (Withdrawal's <see cref="MissingCheckIns"/>).</summary>
public sealed class ReviewQueueHomeTile(ReviewQueue queue, MissingCheckIns checkIns) : IHomeTile
{
    public int Order => 40;

    public IReadOnlyList<string> Roles { get; } = [SpeciosaRoles.Clinician, SpeciosaRoles.Nurse];

    public async Task<HomeTile?> LoadAsync(HomeContext context, CancellationToken ct)
    {
        var (awaiting, _) = await queue.ListAsync(context.User, null, ReviewStates.Awaiting, HomeRows.CountOnly, ct);
        var missing = await checkIns.ListAsync(context.User, HomeRows.CountOnly, ct);
        return new HomeTile("patient-reports", "From the patients", [
            new HomeCount("Patient reports awaiting review", awaiting?.Total ?? 0, "/review-queue",
                "Check-ins, doses and side effects patients reported that nobody has accepted or marked for contact yet.", "li.review-item"),
            new HomeCount(MissingCheckIns.Title, missing.Total, MissingCheckIns.Path, MissingCheckIns.Rule, HomeRows.Selector),
        ]);
    }
}
