using System.Text;
using Speciosa.Web.Identity;
using Xunit;

namespace Speciosa.Web.Tests.Identity;

/// <summary>Issue 18 item 4: the pure parts of the TOTP second factor, without a server. RFC 6238 Appendix B gives
/// 8-digit codes for the SHA-1 seed "12345678901234567890"; Speciosa uses 6 digits (the same truncation, mod 10^6).</summary>
public sealed class TotpCodesTests
{
    private static readonly byte[] RfcSeed = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void The_codes_match_the_RFC_6238_appendix_B_SHA1_test_vectors(long unixSeconds, string expected)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        Assert.Equal(expected, TotpCodes.Compute(RfcSeed, at, digits: 8));
        Assert.Equal(expected[2..], TotpCodes.Compute(RfcSeed, at));
    }

    [Fact]
    public void A_step_is_thirty_seconds_from_the_Unix_epoch()
    {
        Assert.Equal(1, TotpCodes.StepOf(DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal(37037036, TotpCodes.StepOf(DateTimeOffset.FromUnixTimeSeconds(1111111109)));
        Assert.Equal(37037037, TotpCodes.StepOf(DateTimeOffset.FromUnixTimeSeconds(1111111111)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void A_code_one_step_either_side_of_now_is_accepted_for_that_step(int offset)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var step = TotpCodes.StepOf(now) + offset;
        var check = TotpCodes.Verify(RfcSeed, TotpCodes.ComputeForStep(RfcSeed, step), now, lastUsedStep: 0);
        Assert.Equal(new TotpCheck(TotpVerdict.Accepted, step), check);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(2)]
    [InlineData(-20)]
    public void A_code_two_or_more_steps_away_is_wrong(int offset)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var code = TotpCodes.ComputeForStep(RfcSeed, TotpCodes.StepOf(now) + offset);
        Assert.Equal(TotpVerdict.Wrong, TotpCodes.Verify(RfcSeed, code, now, 0).Verdict);
    }

    [Fact]
    public void A_code_of_a_step_already_used_is_refused_as_a_replay_and_so_is_an_older_one()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var step = TotpCodes.StepOf(now);
        var code = TotpCodes.ComputeForStep(RfcSeed, step);
        Assert.Equal(TotpVerdict.Accepted, TotpCodes.Verify(RfcSeed, code, now, lastUsedStep: step - 1).Verdict);
        Assert.Equal(TotpVerdict.Replayed, TotpCodes.Verify(RfcSeed, code, now, lastUsedStep: step).Verdict);
        // Once the next step was used, the previous step's code (still inside the window) is refused too.
        Assert.Equal(TotpVerdict.Replayed, TotpCodes.Verify(RfcSeed, code, now, lastUsedStep: step + 1).Verdict);
        Assert.Equal(TotpVerdict.Accepted, TotpCodes.Verify(RfcSeed, TotpCodes.ComputeForStep(RfcSeed, step + 1), now, lastUsedStep: step).Verdict);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public void Anything_but_six_digits_is_wrong(string? code) =>
        Assert.Equal(TotpVerdict.Wrong, TotpCodes.Verify(RfcSeed, code, DateTimeOffset.FromUnixTimeSeconds(59), 0).Verdict);

    [Fact]
    public void A_code_typed_with_a_space_as_apps_show_it_is_read()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(59);
        Assert.Equal(TotpVerdict.Accepted, TotpCodes.Verify(RfcSeed, "287 082", now, 0).Verdict);
    }

    [Fact]
    public void The_otpauth_uri_names_the_issuer_the_account_and_the_parameters_apps_need()
    {
        var uri = TotpCodes.OtpAuthUri("Speciosa", "demo.admin", RfcSeed);
        Assert.Equal("otpauth://totp/Speciosa:demo.admin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Speciosa&algorithm=SHA1&digits=6&period=30", uri);
    }

    [Fact]
    public void A_new_secret_has_160_bits_and_round_trips_through_base32()
    {
        var secret = TotpCodes.NewSecret();
        Assert.Equal(20, secret.Length);
        Assert.Equal(secret, TotpCodes.FromBase32(TotpCodes.Grouped(TotpCodes.ToBase32(secret)).ToLowerInvariant()));
        Assert.NotEqual(secret, TotpCodes.NewSecret());
    }

    [Fact]
    public void Ten_distinct_recovery_codes_are_made_and_each_is_stored_only_as_a_salted_hash()
    {
        var codes = RecoveryCodes.Generate();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[a-z2-9]{5}-[a-z2-9]{5}$", c));
        var hash = RecoveryCodes.Hash(codes[0]);
        Assert.DoesNotContain(codes[0].Replace("-", "", StringComparison.Ordinal), hash, StringComparison.Ordinal);
        Assert.StartsWith("v1$20000$", hash, StringComparison.Ordinal);
        Assert.NotEqual(hash, RecoveryCodes.Hash(codes[0]));
    }

    [Fact]
    public void A_recovery_code_verifies_against_its_hash_however_it_is_typed_and_no_other_does()
    {
        var codes = RecoveryCodes.Generate();
        var hash = RecoveryCodes.Hash(codes[3]);
        Assert.True(RecoveryCodes.Verify(codes[3], hash));
        Assert.True(RecoveryCodes.Verify(" " + codes[3].ToUpperInvariant().Replace("-", " ", StringComparison.Ordinal), hash));
        Assert.False(RecoveryCodes.Verify(codes[4], hash));
        Assert.False(RecoveryCodes.Verify("123456", hash));
        Assert.False(RecoveryCodes.Verify(null, hash));
    }
}
