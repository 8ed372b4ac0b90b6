namespace Speciosa.Clinical.Research;

/// <summary>What a source column is, for de-identification: one of the 18 HIPAA identifiers, free text (may hold any of
/// them), a date of the patient (exported only shifted), or data that identifies nobody.</summary>
public enum ColumnKind
{
    Identifier,
    FreeText,
    PatientDate,
    Data,
}

/// <summary>One of the 18 identifiers of the HIPAA Safe Harbor method, 45 CFR 164.514(b)(2)(i)(A)–(R).</summary>
public sealed record SafeHarborIdentifier(char Letter, string Name);

/// <summary>A column of the clinical record and what it is (<see cref="SafeHarbor.Columns"/>).</summary>
public sealed record SourceColumn(string Table, string Column, ColumnKind Kind, char? Identifier = null)
{
    public string Name => $"{Table}.{Column}";
}

/// <summary>The pure de-identification rules of the research extract, after the HIPAA Safe Harbor method
/// (45 CFR 164.514(b)(2)): the 18 identifiers are removed; ages over 89 are one group, "90+" (164.514(b)(2)(i)(C));
/// record ids are replaced by a random study id not derived from anything about the patient (164.514(c)); free text is
/// dropped. Dates: Safe Harbor itself keeps only the year of a date; this extract instead shifts every date of a patient
/// by one random whole number of days, kept secret, which keeps intervals exact (the project's brief asks for this; a
/// shifted date is still a date, so a release outside the clinic needs an expert determination, 164.514(b)(1), or a
/// limited data set agreement — said on the Researcher's page).</summary>
public static class SafeHarbor
{
    /// <summary>Ages above this are reported as <see cref="OldestAgeGroup"/> (164.514(b)(2)(i)(C)).</summary>
    public const int OldestAgeShown = 89;

    public const string OldestAgeGroup = "90+";

    /// <summary>The one rule through which an identifier column (the birth date) may feed a variable: <see cref="AgeGroup"/>.</summary>
    public const string AgeRule = "age in whole years, over 89 as 90+";

    /// <summary>The largest shift either way, in days.</summary>
    public const int MaxShiftDays = 365;

    /// <summary>How many different offsets there are: −365…−1 and 1…365 (never 0, so no date is exported as it is).</summary>
    public const int OffsetChoices = 2 * MaxShiftDays;

    public static readonly IReadOnlyList<SafeHarborIdentifier> Identifiers =
    [
        new('A', "Names"),
        new('B', "Geographic subdivisions smaller than a state (street, city, county, precinct, ZIP code and equivalent geocodes)"),
        new('C', "All elements of dates (except year) directly related to an individual, and ages over 89"),
        new('D', "Telephone numbers"),
        new('E', "Fax numbers"),
        new('F', "Electronic mail addresses"),
        new('G', "Social security numbers"),
        new('H', "Medical record numbers"),
        new('I', "Health plan beneficiary numbers"),
        new('J', "Account numbers"),
        new('K', "Certificate/license numbers"),
        new('L', "Vehicle identifiers and serial numbers, including license plate numbers"),
        new('M', "Device identifiers and serial numbers"),
        new('N', "Web Universal Resource Locators (URLs)"),
        new('O', "Internet Protocol (IP) address numbers"),
        new('P', "Biometric identifiers, including finger and voice prints"),
        new('Q', "Full face photographic images and any comparable images"),
        new('R', "Any other unique identifying number, characteristic, or code"),
    ];

    /// <summary>Every column of the record the extract reads or could read, classified. The extract writes
    /// <see cref="ColumnKind.Data"/> columns as they are and <see cref="ColumnKind.PatientDate"/> columns only shifted;
    /// identifiers and free text never.</summary>
    public static readonly IReadOnlyList<SourceColumn> Columns =
    [
        new("Patients", "Id", ColumnKind.Identifier, 'H'),
        new("Patients", "GivenName", ColumnKind.Identifier, 'A'),
        new("Patients", "FamilyName", ColumnKind.Identifier, 'A'),
        new("Patients", "SearchName", ColumnKind.Identifier, 'A'),
        new("Patients", "DateOfBirth", ColumnKind.Identifier, 'C'),
        new("Patients", "Phone", ColumnKind.Identifier, 'D'),
        new("Patients", "Email", ColumnKind.Identifier, 'F'),
        new("Patients", "PortalUserId", ColumnKind.Identifier, 'J'),
        new("Patients", "CreatedAt", ColumnKind.PatientDate),
        new("Patients", "Sex", ColumnKind.Data),
        new("Patients", "CountryCode", ColumnKind.Data),
        new("Patients", "SubdivisionCode", ColumnKind.Data),
        new("Patients", "Status", ColumnKind.Data),
        new("Patients", "Pregnant", ColumnKind.Data),
        new("Assessments", "Id", ColumnKind.Identifier, 'R'),
        new("Assessments", "AssessedAt", ColumnKind.PatientDate),
        new("Assessments", "InstrumentId", ColumnKind.Data),
        new("Assessments", "InstrumentVersion", ColumnKind.Data),
        new("Assessments", "Total", ColumnKind.Data),
        new("Assessments", "Band", ColumnKind.Data),
        new("Assessments", "PatientReported", ColumnKind.Data),
        new("Assessments", "RatedByUserId", ColumnKind.Identifier, 'R'),
        new("Doses", "Id", ColumnKind.Identifier, 'R'),
        new("Doses", "GivenAt", ColumnKind.PatientDate),
        new("Doses", "Grams", ColumnKind.Data),
        new("Doses", "Source", ColumnKind.Data),
        new("Doses", "LotId", ColumnKind.Identifier, 'R'),
        new("LabResults", "Id", ColumnKind.Identifier, 'R'),
        new("LabResults", "CollectedAt", ColumnKind.PatientDate),
        new("LabResults", "Test", ColumnKind.Data),
        new("LabResults", "Loinc", ColumnKind.Data),
        new("LabResults", "Value", ColumnKind.Data),
        new("LabResults", "Unit", ColumnKind.Data),
        new("LabResults", "UpperLimitOfNormal", ColumnKind.Data),
        new("LabResults", "IsBaseline", ColumnKind.Data),
        new("LabResults", "LabName", ColumnKind.FreeText),
        new("LabResults", "EnteredInErrorReason", ColumnKind.FreeText),
        new("AdverseEvents", "Id", ColumnKind.Identifier, 'R'),
        new("AdverseEvents", "Onset", ColumnKind.PatientDate),
        new("AdverseEvents", "ResolvedAt", ColumnKind.PatientDate),
        new("AdverseEvents", "TermId", ColumnKind.Data),
        new("AdverseEvents", "TermText", ColumnKind.FreeText),
        new("AdverseEvents", "Grade", ColumnKind.Data),
        new("AdverseEvents", "Serious", ColumnKind.Data),
        new("AdverseEvents", "Outcome", ColumnKind.Data),
        new("AdverseEvents", "Relatedness", ColumnKind.Data),
        new("AdverseEvents", "Description", ColumnKind.FreeText),
        new("Alerts", "Id", ColumnKind.Identifier, 'R'),
        new("Alerts", "RaisedAt", ColumnKind.PatientDate),
        new("Alerts", "RuleId", ColumnKind.Data),
        new("Alerts", "RuleVersion", ColumnKind.Data),
        new("Alerts", "Severity", ColumnKind.Data),
        new("Alerts", "Status", ColumnKind.Data),
        new("Alerts", "Message", ColumnKind.FreeText),
        new("Alerts", "InputsJson", ColumnKind.FreeText),
        new("Alerts", "AcknowledgementNote", ColumnKind.FreeText),
        new("Alerts", "ResolutionReason", ColumnKind.FreeText),
    ];

    public static SourceColumn Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"{name} is not a classified column.", nameof(name));

    /// <summary>True when a column may appear in the extract (data as it is, a patient's date only shifted).</summary>
    public static bool MayExport(SourceColumn column) => column.Kind is ColumnKind.Data or ColumnKind.PatientDate;

    /// <summary>Whole years of age on a day (a birthday on 29 February counts on 1 March in other years).</summary>
    public static int AgeInYears(DateOnly birth, DateOnly on)
    {
        if (on < birth)
        {
            throw new ArgumentOutOfRangeException(nameof(on), "The day is before the birth.");
        }

        var age = on.Year - birth.Year;
        return on < AddYears(birth, age) ? age - 1 : age;
    }

    /// <summary>The age as the extract writes it: whole years up to 89, then "90+" (164.514(b)(2)(i)(C)).</summary>
    public static string AgeGroup(DateOnly birth, DateOnly on)
    {
        var age = AgeInYears(birth, on);
        return age > OldestAgeShown ? OldestAgeGroup : age.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A patient's offset from a uniform draw in 0…<see cref="OffsetChoices"/>−1 (the caller draws it from a
    /// cryptographic generator): −365…−1 for 0…364, 1…365 for 365…729. Never 0.</summary>
    public static int OffsetFromDraw(int draw) => draw switch
    {
        < 0 or >= OffsetChoices => throw new ArgumentOutOfRangeException(nameof(draw), $"A draw is 0 to {OffsetChoices - 1}."),
        < MaxShiftDays => draw - MaxShiftDays,
        _ => draw - MaxShiftDays + 1,
    };

    public static bool IsValidOffset(int days) => days != 0 && Math.Abs(days) <= MaxShiftDays;

    /// <summary>A day moved by the patient's offset.</summary>
    public static DateOnly Shift(DateOnly day, int offsetDays) => day.AddDays(Checked(offsetDays));

    /// <summary>A local time of day moved by the patient's offset (the time of day is kept).</summary>
    public static DateTime Shift(DateTime local, int offsetDays) => local.AddDays(Checked(offsetDays));

    /// <summary>Days from the patient's first day (enrolment) to a day: the same before and after shifting.</summary>
    public static int StudyDay(DateOnly first, DateOnly day) => day.DayNumber - first.DayNumber;

    private static int Checked(int offsetDays) => IsValidOffset(offsetDays) ? offsetDays
        : throw new ArgumentOutOfRangeException(nameof(offsetDays), $"An offset is 1 to {MaxShiftDays} days either way, never 0.");

    private static DateOnly AddYears(DateOnly birth, int years) =>
        birth.Month == 2 && birth.Day == 29 && !DateTime.IsLeapYear(birth.Year + years)
            ? new DateOnly(birth.Year + years, 3, 1)
            : birth.AddYears(years);
}
