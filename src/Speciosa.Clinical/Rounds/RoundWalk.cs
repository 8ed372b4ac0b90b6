namespace Speciosa.Clinical.Rounds;

/// <summary>Where a nurse stands in a round: the patient's place in the list (from 1), the one before and the one after.
/// A patient no longer on the list (discharged, regimen ended since the round began) stands before the first.</summary>
public sealed record RoundPlace(int Number, int Count, Guid? Previous, Guid? Next);

/// <summary>The walk through a round's list, patient by patient (issue 15 item 2). The list's order is the caller's
/// (by family name, then given name); the walk never skips or reorders.</summary>
public static class RoundWalk
{
    public static RoundPlace Of(IReadOnlyList<Guid> list, Guid current)
    {
        var index = -1;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == current)
            {
                index = i;
                break;
            }
        }

        return index < 0
            ? new RoundPlace(0, list.Count, null, list.Count > 0 ? list[0] : null)
            : new RoundPlace(index + 1, list.Count, index > 0 ? list[index - 1] : null, index + 1 < list.Count ? list[index + 1] : null);
    }
}
