using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Speciosa.Web.Identity;

/// <summary>Refuses common and breached passwords without asking the network (OWASP ASVS 5.0 6.2.4; NIST SP 800-63B
/// 3.1.1.2): a bundled list (<c>common-passwords.txt</c>) checked after undoing the usual disguises — case, digits and
/// symbols around a word, letters swapped for look-alike digits, the word repeated — plus passwords made of digits and
/// symbols only, of fewer than five different characters, or holding the user name.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<UserAccount>
{
    public const string Code = "PasswordCommon";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password) =>
        Task.FromResult(Problem(password, user.UserName) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = problem })
            : IdentityResult.Success);

    /// <summary>Why a password is refused, in words for the person choosing it, or null when it may be used.</summary>
    public static string? Problem(string? password, string? userName)
    {
        if (string.IsNullOrEmpty(password))
        {
            return null; // the length rule speaks
        }

        var lower = password.ToLowerInvariant();
        if (userName is { Length: >= 3 } && lower.Contains(userName.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return "The password must not contain your user name.";
        }

        if (lower.All(c => !char.IsLetter(c)))
        {
            return "A password of digits and symbols only is among the first guessed; use words too.";
        }

        if (lower.Distinct().Count() < 5)
        {
            return "The password repeats too few characters; choose one with more variety (a phrase of several words works well).";
        }

        var core = Unleet(lower.Trim(Disguise));
        if (Common.Value.Contains(lower) || Common.Value.Contains(core) || IsRepeatedCommon(core) || IsCommonPair(core))
        {
            return "This password is common or appears in lists of breached passwords; choose another (a phrase of several unrelated words works well).";
        }

        return null;
    }

    private static readonly char[] Disguise = "0123456789!@#$%^&*()_+-=[]{};:'\",.<>/?\\|`~ ".ToCharArray();

    private static string Unleet(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            b.Append(c switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', '!' => 'i', _ => c });
        }

        return b.ToString();
    }

    /// <summary>"passwordpassword", "monkey-monkey".</summary>
    private static bool IsRepeatedCommon(string core)
    {
        var letters = new string(core.Where(char.IsLetterOrDigit).ToArray());
        for (var size = 3; size <= letters.Length / 2; size++)
        {
            if (letters.Length % size == 0 && Common.Value.Contains(letters[..size])
                && Enumerable.Range(0, letters.Length / size).All(i => letters.Substring(i * size, size) == letters[..size]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two listed words with at most a separator between them: "welcome-admin", "iloveyou2dragon".</summary>
    private static bool IsCommonPair(string core)
    {
        var letters = new string(core.Where(char.IsLetter).ToArray());
        for (var split = 3; split <= letters.Length - 3; split++)
        {
            if (Common.Value.Contains(letters[..split]) && Common.Value.Contains(letters[split..]))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Speciosa.Web.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The bundled common-password list is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                set.Add(word);
            }
        }

        return set;
    }
}
