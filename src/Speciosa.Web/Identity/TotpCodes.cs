using System.Security.Cryptography;
using OtpNet;

namespace Speciosa.Web.Identity;

/// <summary>What checking a one-time code found.</summary>
public enum TotpVerdict
{
    /// <summary>Right code for a step not used before (<see cref="TotpCheck.Step"/> says which).</summary>
    Accepted,
    /// <summary>Not a code of this secret within one step of now.</summary>
    Wrong,
    /// <summary>A right code, but of a step this account already used (RFC 6238 section 5.2: accept a code once).</summary>
    Replayed,
}

public readonly record struct TotpCheck(TotpVerdict Verdict, long Step);

/// <summary>
/// Time-based one-time passwords (RFC 6238): HMAC-SHA-1, 30-second steps from the Unix epoch, 6 digits, and one step
/// either side of now accepted for clock drift (the RFC's recommended network delay). Pure: the time and the last step
/// the account used are passed in; the caller records the accepted step so that it cannot be used again.
/// </summary>
public static class TotpCodes
{
    public const int StepSeconds = 30;
    public const int Digits = 6;
    public const int SecretBytes = 20;

    /// <summary>A new random 160-bit secret (RFC 4226 section 4 recommends 160 bits).</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    /// <summary>The secret as people type it into an authenticator app: base32, no padding, in groups of four.</summary>
    public static string ToBase32(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    public static string Grouped(string base32) =>
        string.Join(' ', Enumerable.Range(0, (base32.Length + 3) / 4).Select(i => base32.Substring(i * 4, Math.Min(4, base32.Length - i * 4))));

    public static byte[] FromBase32(string base32) => Base32Encoding.ToBytes(base32.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());

    /// <summary>The time step of an instant: whole 30-second periods since 1970-01-01T00:00:00Z.</summary>
    public static long StepOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code of the step holding <paramref name="at"/>, with <paramref name="digits"/> digits (8 for the RFC's
    /// test vectors, 6 in use).</summary>
    public static string Compute(byte[] secret, DateTimeOffset at, int digits = Digits) =>
        new Totp(secret, StepSeconds, OtpHashMode.Sha1, digits).ComputeTotp(at.UtcDateTime);

    /// <summary>The code of a given step.</summary>
    public static string ComputeForStep(byte[] secret, long step, int digits = Digits) =>
        Compute(secret, DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds), digits);

    /// <summary>Digits only, spaces and dashes dropped (apps show "123 456"); null when it is not a code of
    /// <paramref name="digits"/> digits.</summary>
    public static string? Normalise(string? code, int digits = Digits)
    {
        if (code is null) return null;
        var cleaned = new string(code.Where(c => c is not (' ' or '-' or '\u00a0')).ToArray());
        return cleaned.Length == digits && cleaned.All(char.IsAsciiDigit) ? cleaned : null;
    }

    /// <summary>Checks <paramref name="code"/> against the steps now-1, now and now+1. A step at or before
    /// <paramref name="lastUsedStep"/> was used already (or is older than one used) and is refused as a replay.</summary>
    public static TotpCheck Verify(byte[] secret, string? code, DateTimeOffset now, long lastUsedStep, int digits = Digits)
    {
        var normalised = Normalise(code, digits);
        if (normalised is null) return new TotpCheck(TotpVerdict.Wrong, 0);
        var current = StepOf(now);
        var replayed = false;
        // Oldest first: a code valid for two steps (never in practice) is taken for the one least likely to be used later.
        for (var step = current - 1; step <= current + 1; step++)
        {
            var expected = ComputeForStep(secret, step, digits);
            if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(normalised)))
            {
                continue;
            }

            if (step <= lastUsedStep)
            {
                replayed = true;
                continue;
            }

            return new TotpCheck(TotpVerdict.Accepted, step);
        }

        return new TotpCheck(replayed ? TotpVerdict.Replayed : TotpVerdict.Wrong, 0);
    }

    /// <summary>The otpauth:// URI an authenticator app reads from the QR code (Key Uri Format): issuer and account
    /// label, the secret, SHA1, 6 digits, 30 s. It holds the secret, so it is only ever rendered into the page's QR
    /// code, never put into a link, a log or an audit row.</summary>
    public static string OtpAuthUri(string issuer, string account, byte[] secret)
    {
        var label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(account);
        return $"otpauth://totp/{label}?secret={ToBase32(secret)}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";
    }
}

/// <summary>
/// One-time recovery codes for when the authenticator app is lost: ten random codes of ten characters (about 50 bits
/// each) shown once, stored only as salted PBKDF2-HMAC-SHA256 hashes. Pure; the caller marks a matched code used.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int Length = 10;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    // The codes are random (about 50 bits), not chosen by people, so a moderate count suffices; ten are checked at a sign-in.
    public const int Iterations = 20_000;

    /// <summary>New codes, as shown: "abcde-fghjk".</summary>
    public static IReadOnlyList<string> Generate(int count = Count) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var chars = new char[Length];
            for (var i = 0; i < Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
        }).ToList();

    /// <summary>Lower case, without spaces and dashes; null when it cannot be a recovery code.</summary>
    public static string? Normalise(string? code)
    {
        if (code is null) return null;
        var cleaned = new string(code.Where(c => c is not (' ' or '-' or '\u00a0')).Select(char.ToLowerInvariant).ToArray());
        return cleaned.Length == Length && cleaned.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? cleaned : null;
    }

    /// <summary>"v1$iterations$salt$hash", base64; a new salt each time.</summary>
    public static string Hash(string code)
    {
        var normalised = Normalise(code) ?? throw new ArgumentException("Not a recovery code.", nameof(code));
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(normalised, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"v1${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string? code, string stored)
    {
        var normalised = Normalise(code);
        var parts = stored.Split('$');
        if (normalised is null || parts.Length != 4 || parts[0] != "v1" || !int.TryParse(parts[1], out var iterations)) return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(normalised, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
