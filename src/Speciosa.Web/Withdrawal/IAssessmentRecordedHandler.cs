using Speciosa.Web.Alerts;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Withdrawal;

/// <summary>A withdrawal assessment as it is being recorded (not saved yet): what another feature may react to.</summary>
public sealed record RecordedAssessment(Guid Id, string InstrumentId, int Total, DateTimeOffset AssessedAt, bool PatientReported);

/// <summary>What another feature does when a withdrawal assessment is recorded (Regimens' post-taper monitoring: withdrawal
/// emerged after the taper reached zero, a scheduled check done): stage its alerts, unsaved, in the recorder's context so
/// they commit with the assessment in one SaveChanges. Raised by <see cref="WithdrawalRecords.RecordAssessmentAsync"/>.</summary>
public interface IAssessmentRecordedHandler
{
    Task<List<RaisedAlert>> AssessmentRecordedAsync(Patient patient, RecordedAssessment assessment, DateTimeOffset now, CancellationToken ct);
}
