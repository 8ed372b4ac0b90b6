using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Jurisdictions;
using Xunit;
using static Speciosa.Clinical.Tests.Jurisdictions.Registry;

namespace Speciosa.Clinical.Tests.Jurisdictions;

public class LegalStatusChangeImpactTests
{
    private static readonly ActivePatientLocation[] Patients =
    [
        new("p-texas", new PatientLocation("US", "US-TX")),
        new("p-utah", new PatientLocation("US", "US-UT")),
        new("p-texas-2", new PatientLocation("US", "US-TX", "Austin")),
    ];

    private static readonly JurisdictionEntry[] Before =
    [
        Entry("tx", "US", "US-TX", status: LegalStatus.Regulated),
        Entry("ut", "US", "US-UT", status: LegalStatus.Regulated),
    ];

    [Fact]
    public void Only_patients_whose_applicable_status_changed_are_affected()
    {
        JurisdictionEntry[] after = [.. Before, Entry("tx-ban", "US", "US-TX", status: LegalStatus.Banned, effective: Today)];

        var changes = LegalStatusChangeImpact.Assess(Before, after, Patients, Today);

        Assert.Equal(["p-texas", "p-texas-2"], changes.Select(c => c.PatientId));
        Assert.All(changes, c =>
        {
            Assert.Equal(LegalStatus.Regulated, c.Before.Status);
            Assert.Equal(LegalStatus.Banned, c.After.Status);
        });
    }

    [Fact]
    public void A_new_ban_raises_a_high_alert_naming_the_old_and_new_status()
    {
        JurisdictionEntry[] after = [.. Before, Entry("tx-ban", "US", "US-TX", status: LegalStatus.Banned, effective: Today)];

        var alert = LegalStatusChangeImpact.Assess(Before, after, Patients, Today)[0].Alert;

        Assert.Equal(JurisdictionAlertRules.NowBanned, alert.Rule);
        Assert.Equal(AlertSeverity.High, alert.Rule.Severity);
        Assert.Contains("from Regulated to Banned", alert.Message, StringComparison.Ordinal);
        Assert.Contains(alert.Inputs, i => i.Name == "Status before" && i.Value.StartsWith("Regulated", StringComparison.Ordinal));
        Assert.Contains(alert.Inputs, i => i.Name == "Status after" && i.Value.StartsWith("Banned", StringComparison.Ordinal));
        Assert.Contains(alert.Inputs, i => i.Name == "Source" && i.Value == TestSource.Citation);
    }

    [Fact]
    public void A_removed_entry_raises_a_warning_that_the_status_is_now_unknown()
    {
        var change = Assert.Single(LegalStatusChangeImpact.Assess(Before, [Before[0]], Patients, Today));

        Assert.Equal("p-utah", change.PatientId);
        Assert.Equal(LegalStatus.Unknown, change.After.Status);
        Assert.Equal(JurisdictionAlertRules.LegalStatusChanged, change.Alert.Rule);
    }

    [Fact]
    public void An_announced_change_does_not_yet_affect_anyone()
    {
        JurisdictionEntry[] after = [.. Before, Entry("tx-ban", "US", "US-TX", status: LegalStatus.Banned, effective: Today.AddDays(1))];

        Assert.Empty(LegalStatusChangeImpact.Assess(Before, after, Patients, Today));
    }

    [Fact]
    public void Every_jurisdiction_rule_has_an_id_a_version_and_a_source()
    {
        Assert.All(JurisdictionAlertRules.All, r =>
        {
            Assert.StartsWith("jurisdiction.", r.Id, StringComparison.Ordinal);
            Assert.True(r.Version >= 1);
            Assert.False(string.IsNullOrWhiteSpace(r.Source.Citation));
        });
    }
}

public class LegalStatusEntryChangeImpactTests
{
    [Fact]
    public void A_new_entry_with_the_same_status_affects_the_patients_there_Florida_2ER25_2_replacing_the_1_percent_rule()
    {
        var seed = JurisdictionRegistrySeed.Load();
        var before = seed.Where(e => e.Id != "us-fl-2025-08-19").ToList();
        var patients = new[] { new ActivePatientLocation("p1", new PatientLocation("US", "US-FL")), new ActivePatientLocation("p2", new PatientLocation("US", "US-TN")) };

        var change = Assert.Single(LegalStatusChangeImpact.Assess(before, seed, patients, new DateOnly(2026, 11, 30)));

        Assert.Equal("p1", change.PatientId);
        Assert.Equal(LegalStatus.SevenOhRestricted, change.Before.Status);
        Assert.Equal(LegalStatus.SevenOhRestricted, change.After.Status);
        Assert.Contains("'us-fl-2025-08-19' now applies instead of 'us-fl-2025-08-13'", change.Alert.Message, StringComparison.Ordinal);
    }
}
