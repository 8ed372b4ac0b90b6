namespace Speciosa.Clinical.Regimens;

/// <summary>A recorded COWS or SOWS total, when it was taken and who rated it. Only staff-rated readings count toward
/// a titration hold (<see cref="TitrationSchedule"/>); a patient's own report never does.</summary>
public sealed record ScoreReading(WithdrawalScale Scale, DateTimeOffset TakenAt, int Total, ScoreRater RatedBy);

/// <summary>Who entered a withdrawal score: staff (rated or administered by a clinician or nurse) or the patient themselves.</summary>
public enum ScoreRater
{
    Staff = 0,
    Patient = 1,
}
