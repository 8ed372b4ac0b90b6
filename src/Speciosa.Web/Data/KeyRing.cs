using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Speciosa.Web.Data;

/// <summary>
/// The key that encrypts the data-protection key ring at rest (issue 18 item 2). The ring itself lives in the
/// database so every instance shares it; this key does not, so a copy of the database alone cannot decrypt the ring
/// and so cannot mint a session cookie or an antiforgery token. It comes from configuration:
/// <c>Security:KeyRing:KeyFile</c> (a file holding 32 random bytes in base64) or <c>Security:KeyRing:Key</c> (the same,
/// e.g. from an environment secret <c>Security__KeyRing__Key</c>). A demo, or a Development run, without one makes a
/// key file beside its SQLite file; anything else refuses to start.
/// </summary>
public sealed class KeyRingKey
{
    public const string KeySetting = "Security:KeyRing:Key";
    public const string FileSetting = "Security:KeyRing:KeyFile";
    private const int KeyBytes = 32;

    private KeyRingKey(byte[] bytes, string origin)
    {
        Bytes = bytes;
        Origin = origin;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
    }

    public byte[] Bytes { get; }

    /// <summary>Where the key came from, for the start-up log (never the key).</summary>
    public string Origin { get; }

    /// <summary>Names the key in the encrypted ring, so a wrong key is reported as such.</summary>
    public string Fingerprint { get; }

    /// <summary>A new random key in the form the settings take (base64 of 32 bytes).</summary>
    public static string NewKeyText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    public static KeyRingKey Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var text = configuration[KeySetting];
        if (!string.IsNullOrWhiteSpace(text))
        {
            return new KeyRingKey(Parse(text, KeySetting), KeySetting);
        }

        var file = configuration[FileSetting];
        if (!string.IsNullOrWhiteSpace(file))
        {
            var path = Path.GetFullPath(file);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{FileSetting} names {path}, which does not exist. Create it with 32 random bytes in base64 (for example: openssl rand -base64 32 > {file}).");
            }

            return new KeyRingKey(Parse(File.ReadAllText(path), FileSetting), path);
        }

        if (configuration.GetValue("Demo:Enabled", false) || environment.IsDevelopment())
        {
            return LocalKey(configuration);
        }

        throw new InvalidOperationException(
            $"No key to encrypt the data-protection key ring: set {FileSetting} (a file holding 32 random bytes in base64, " +
            $"e.g. made by: openssl rand -base64 32) or {KeySetting}. Without it a copy of the database could mint sign-in cookies.");
    }

    /// <summary>The demo's key: a file beside its SQLite file, made on first start and readable by the owner only.</summary>
    private static KeyRingKey LocalKey(IConfiguration configuration)
    {
        var path = DatabaseOptions.BesideSqlite(configuration, ".keyring.key");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, options);
            stream.Write(Encoding.ASCII.GetBytes(NewKeyText()));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Made already (an earlier start, or another instance starting at the same moment).
        }

        return new KeyRingKey(Parse(File.ReadAllText(path), path), path);
    }

    private static byte[] Parse(string text, string origin)
    {
        try
        {
            var bytes = Convert.FromBase64String(text.Trim());
            if (bytes.Length == KeyBytes) return bytes;
        }
        catch (FormatException)
        {
        }

        throw new InvalidOperationException($"The key-ring key from {origin} must be {KeyBytes} random bytes in base64 (44 characters).");
    }
}

/// <summary>Encrypts each data-protection key element with AES-256-GCM under <see cref="KeyRingKey"/> before it is stored.</summary>
/// <remarks>The key is looked up when a key element is first written, not when data protection is set up, so commands
/// that never touch the ring (verify-audit) run without one.</remarks>
public sealed class KeyRingEncryptor(IServiceProvider services) : IXmlEncryptor
{
    internal const string Element = "speciosaEncryptedKey";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var key = services.GetRequiredService<KeyRingKey>();
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Bytes, TagBytes))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        }

        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement(Element,
            new XComment(" Encrypted with the key-ring key from configuration (AES-256-GCM); that key is not in the database. "),
            new XAttribute("key", key.Fingerprint),
            Convert.ToBase64String(sealedBytes));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }

    internal static XElement Decrypt(XElement encrypted, KeyRingKey key)
    {
        var fingerprint = (string?)encrypted.Attribute("key");
        if (fingerprint != key.Fingerprint)
        {
            throw new CryptographicException($"This key was encrypted with key-ring key {fingerprint}; the configured key is {key.Fingerprint}.");
        }

        var sealedBytes = Convert.FromBase64String(encrypted.Value);
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using (var aes = new AesGcm(key.Bytes, TagBytes))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}

/// <summary>Reverses <see cref="KeyRingEncryptor"/>; data protection creates it by type with the service provider.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingEncryptor.Decrypt(encryptedElement, services.GetRequiredService<KeyRingKey>());
}
