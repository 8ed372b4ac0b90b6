namespace Speciosa.Clinical.Regimens;

/// <summary>What the patient actually took over the 14 clinic days ending <see cref="LastDay"/>, and what that rests on:
/// how many days had any dose record, and how many records (and grams) staff gave or the patient reported. Information
/// beside the taper form only: it is never used as a starting dose. <see cref="MeanPerDay"/> counts days without records
/// as zero; <see cref="MeanPerRecordedDay"/> counts only days with records; both are null when nothing was recorded.</summary>
public sealed record IntakeSummary(
    DateOnly FirstDay,
    DateOnly LastDay,
    int DaysWithRecords,
    int StaffGivenDoses,
    decimal StaffGivenGrams,
    int PatientReportedDoses,
    decimal PatientReportedGrams)
{
    public const int Days = 14;

    public decimal TotalGrams => StaffGivenGrams + PatientReportedGrams;

    public decimal? MeanPerDay => DaysWithRecords == 0 ? null : TotalGrams / Days;

    public decimal? MeanPerRecordedDay => DaysWithRecords == 0 ? null : TotalGrams / DaysWithRecords;

    public static IntakeSummary Over(IReadOnlyList<DoseRecord> doses, DateOnly lastDay, TimeZoneInfo clinicZone)
    {
        ArgumentNullException.ThrowIfNull(doses);
        var firstDay = lastDay.AddDays(-(Days - 1));
        var within = doses.Where(d => ClinicDay.Of(d.TakenAt, clinicZone) is var day && day >= firstDay && day <= lastDay).ToList();
        var staff = within.Where(d => d.Source == DoseSource.StaffGiven).ToList();
        var reported = within.Where(d => d.Source == DoseSource.PatientReported).ToList();
        return new IntakeSummary(firstDay, lastDay, within.Select(d => ClinicDay.Of(d.TakenAt, clinicZone)).Distinct().Count(),
            staff.Count, staff.Sum(d => d.Grams), reported.Count, reported.Sum(d => d.Grams));
    }
}
