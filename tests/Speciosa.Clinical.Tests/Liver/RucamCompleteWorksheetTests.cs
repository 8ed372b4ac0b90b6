using Speciosa.Clinical.Liver;
using Xunit;

namespace Speciosa.Clinical.Tests.Liver;

/// <summary>Complete updated-RUCAM worksheets (kratom-safety.md 1.6), every item answered, totalled item by
/// item. The patients are constructed for the tests, not published cases. Panels use ULN 100 (see
/// <see cref="Lab.Panel"/>), so values are ×ULN; days count from the first dose.</summary>
public class RucamCompleteWorksheetTests
{
    private static RucamItem Item(RucamWorksheet worksheet, string id) => worksheet.Items.Single(i => i.Id == id);

    private static RucamFacts Facts(
        IReadOnlyList<LiverPanel> panels,
        int onsetDay,
        int lastDoseDay,
        int age,
        PatientSex sex,
        decimal drinks,
        bool? pregnant = null)
    {
        // The form follows the R ratio at onset (the first panel), as RUCAM splits at R ≥ 5.
        var form = RucamWorksheet.FormFor(RRatio.From(panels[0])!.Pattern);
        return new RucamFacts(
            form,
            Lab.Day0,
            Lab.Day0.AddDays(lastDoseDay),
            Lab.Day0.AddDays(onsetDay),
            panels,
            AgeYears: age,
            Sex: sex,
            AlcoholDrinksPerDay: drinks,
            Pregnant: pregnant);
    }

    [Fact]
    public void A_complete_hepatocellular_worksheet_totals_eleven_and_is_highly_probable()
    {
        // R at onset = 9 / 1 = 9: hepatocellular. Stopped at onset on day 25; ALT 9 → 4 × ULN by day 31,
        // a (9 − 4) / (9 − 1) = 62.5% fall toward ULN 6 days after stopping.
        LiverPanel[] panels = [Lab.Panel(alt: 9m, alp: 1m, day: 25), Lab.Panel(alt: 4m, day: 31)];
        var worksheet = RucamWorksheet.Prepare(Facts(panels, onsetDay: 25, lastDoseDay: 25, age: 58, sex: PatientSex.Male, drinks: 4m))
            .Answer("concomitant", "compatible-timing")
            .Answer("alternative-causes", "group-1-all-7-ruled-out")
            .Answer("known-hepatotoxicity", "published-not-labelled")
            .Answer("re-exposure", "doubles-alone");

        Assert.Equal(RucamForm.Hepatocellular, worksheet.Form);
        Assert.True(worksheet.IsComplete);
        Assert.Equal(2, Item(worksheet, "onset").Points);                  // 1. onset 25 d from start, within 5-90 d: +2
        Assert.Equal(3, Item(worksheet, "course").Points);                 // 2. ALT ≥50% fall within 8 d: +3
        Assert.Equal(1, Item(worksheet, "alcohol").Points);                // 3. man, 4 drinks/day (> 3): +1
        Assert.Equal(1, Item(worksheet, "age").Points);                    // 3. age 58 (≥ 55): +1
        Assert.Equal(-1, Item(worksheet, "concomitant").Points);           // 4. co-drug with compatible timing: −1
        Assert.Equal(1, Item(worksheet, "alternative-causes").Points);     // 5. all 7 of Group I ruled out: +1
        Assert.Equal(1, Item(worksheet, "known-hepatotoxicity").Points);   // 6. published, not labelled: +1
        Assert.Equal(3, Item(worksheet, "re-exposure").Points);            // 7. ALT doubles on the product alone: +3
        Assert.Equal(2 + 3 + 1 + 1 - 1 + 1 + 1 + 3, worksheet.Total);
        Assert.Equal(11, worksheet.Total);
        Assert.Equal("Highly probable", worksheet.Causality.Name);
        Assert.False(worksheet.RestsOnUnconfirmedPoints); // item-5 points as printed in the update (audit E21)
    }

    [Fact]
    public void The_hepatocellular_worksheet_fills_items_1_to_3_from_data_and_the_clinician_answers_4_to_7()
    {
        LiverPanel[] panels = [Lab.Panel(alt: 9m, alp: 1m, day: 25), Lab.Panel(alt: 4m, day: 31)];
        var worksheet = RucamWorksheet.Prepare(Facts(panels, onsetDay: 25, lastDoseDay: 25, age: 58, sex: PatientSex.Male, drinks: 4m));

        Assert.Equal(["onset", "course", "alcohol", "age"], worksheet.Items.Where(i => i.AnsweredBy == RucamAnsweredBy.Data).Select(i => i.Id));
        Assert.Equal(
            ["concomitant", "alternative-causes", "known-hepatotoxicity", "re-exposure"],
            worksheet.ToBeAnsweredByClinician.Select(i => i.Id));
    }

    [Fact]
    public void A_complete_cholestatic_or_mixed_worksheet_totals_seven_and_is_probable()
    {
        // R at onset = 6 / 2 = 3: mixed (the DILIN median for kratom), so the cholestatic/mixed form.
        // Stopped at onset on day 23; ALP peaked at 6 × ULN on day 43 and was 3 × ULN on day 150,
        // a (6 − 3) / (6 − 1) = 60% fall toward ULN 127 days after stopping.
        LiverPanel[] panels =
        [
            Lab.Panel(alt: 6m, alp: 2m, day: 23),
            Lab.Panel(alp: 6m, day: 43),
            Lab.Panel(alp: 3m, day: 150),
        ];
        var worksheet = RucamWorksheet.Prepare(Facts(panels, onsetDay: 23, lastDoseDay: 23, age: 34, sex: PatientSex.Female, drinks: 1m, pregnant: false))
            .Answer("concomitant", "none-or-no-info")
            .Answer("alternative-causes", "groups-1-and-2-ruled-out")
            .Answer("known-hepatotoxicity", "published-not-labelled")
            .Answer("re-exposure", "other");

        Assert.Equal(RucamForm.CholestaticOrMixed, worksheet.Form);
        Assert.True(worksheet.IsComplete);
        Assert.Equal(2, Item(worksheet, "onset").Points);                  // 1. onset 23 d from start, within 5-90 d: +2
        Assert.Equal(2, Item(worksheet, "course").Points);                 // 2. ALP ≥50% fall within 180 d: +2
        Assert.Equal(0, Item(worksheet, "alcohol").Points);                // 3. woman, 1 drink/day (≤ 2): 0
        Assert.Equal(0, Item(worksheet, "age").Points);                    // 3. age 34 (< 55): 0
        Assert.Equal(0, Item(worksheet, "pregnancy").Points);              // 3. not pregnant: 0
        Assert.Equal(0, Item(worksheet, "concomitant").Points);            // 4. none: 0
        Assert.Equal(2, Item(worksheet, "alternative-causes").Points);     // 5. Groups I and II ruled out: +2
        Assert.Equal(1, Item(worksheet, "known-hepatotoxicity").Points);   // 6. published, not labelled: +1
        Assert.Equal(0, Item(worksheet, "re-exposure").Points);            // 7. other: 0
        Assert.Equal(2 + 2 + 0 + 0 + 0 + 0 + 2 + 1 + 0, worksheet.Total);
        Assert.Equal(7, worksheet.Total);
        Assert.Equal("Probable", worksheet.Causality.Name);
        Assert.Equal(
            ["onset", "course", "alcohol", "age", "pregnancy"],
            worksheet.Items.Where(i => i.AnsweredBy == RucamAnsweredBy.Data).Select(i => i.Id));
    }

    [Fact]
    public void A_complete_worksheet_totalling_exactly_six_is_probable_and_one_point_less_is_possible()
    {
        // R at onset = 6 / 1 = 6: hepatocellular. Stopped at onset on day 10; ALT 6 → 3 × ULN by day 30,
        // a (6 − 3) / (6 − 1) = 60% fall toward ULN 20 days after stopping.
        LiverPanel[] panels = [Lab.Panel(alt: 6m, alp: 1m, day: 10), Lab.Panel(alt: 3m, day: 30)];
        var worksheet = RucamWorksheet.Prepare(Facts(panels, onsetDay: 10, lastDoseDay: 10, age: 40, sex: PatientSex.Male, drinks: 2m))
            .Answer("concomitant", "none-or-no-info")
            .Answer("alternative-causes", "group-1-5-or-6-ruled-out")
            .Answer("known-hepatotoxicity", "published-not-labelled")
            .Answer("re-exposure", "doubles-with-same-co-drugs");

        Assert.Equal(RucamForm.Hepatocellular, worksheet.Form);
        Assert.True(worksheet.IsComplete);
        Assert.Equal(2, Item(worksheet, "onset").Points);                  // 1. onset 10 d from start, within 5-90 d: +2
        Assert.Equal(2, Item(worksheet, "course").Points);                 // 2. ALT ≥50% fall within 30 d (not 8): +2
        Assert.Equal(0, Item(worksheet, "alcohol").Points);                // 3. man, 2 drinks/day (≤ 3): 0
        Assert.Equal(0, Item(worksheet, "age").Points);                    // 3. age 40 (< 55): 0
        Assert.Equal(0, Item(worksheet, "concomitant").Points);            // 4. none: 0
        Assert.Equal(0, Item(worksheet, "alternative-causes").Points);     // 5. 5 or 6 of Group I ruled out: 0
        Assert.Equal(1, Item(worksheet, "known-hepatotoxicity").Points);   // 6. published, not labelled: +1
        Assert.Equal(1, Item(worksheet, "re-exposure").Points);            // 7. ALT doubles with the same co-drugs: +1
        Assert.Equal(2 + 2 + 0 + 0 + 0 + 0 + 1 + 1, worksheet.Total);
        Assert.Equal(6, worksheet.Total);
        Assert.Equal("Probable", worksheet.Causality.Name); // 6 is the lowest probable total (6-8)

        var onePointLess = worksheet.Answer("known-hepatotoxicity", "unknown"); // 6. unknown: 0
        Assert.True(onePointLess.IsComplete);
        Assert.Equal(5, onePointLess.Total);
        Assert.Equal("Possible", onePointLess.Causality.Name); // 5 is the highest possible total (3-5)
    }
}
