using System.Security.Cryptography;
using System.Text;

namespace Speciosa.Web.Identity;

/// <summary>Makes and hashes bearer secrets (personal access tokens, setup links). Only hashes are stored.</summary>
public static class AccessTokenSecret
{
    public const string TokenPrefix = "spc_";

    public static string NewSecret(string prefix = TokenPrefix) =>
        prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
