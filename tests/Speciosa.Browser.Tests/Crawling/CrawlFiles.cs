using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Playwright;

namespace Speciosa.Browser.Tests.Crawling;

/// <summary>What the crawler puts in a file input: a real PNG where the input takes images (the lot photo form
/// checks the content), else a small text file named after what the input accepts.</summary>
internal static class CrawlFiles
{
    public static FilePayload For(string accept)
    {
        var a = accept.ToLowerInvariant();
        if (a.Contains("image", StringComparison.Ordinal) || a.Contains(".png", StringComparison.Ordinal))
        {
            return new FilePayload { Name = "crawler.png", MimeType = "image/png", Buffer = Png(64, 48) };
        }

        if (a.Contains("json", StringComparison.Ordinal))
        {
            return new FilePayload { Name = "crawler.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes("[]") };
        }

        return new FilePayload { Name = "crawler.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Crawler test\n") };
    }

    /// <summary>A valid grey PNG (signature, IHDR, IDAT, IEND with real CRCs).</summary>
    private static byte[] Png(int width, int height)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BitConverter.GetBytes(IPAddress.HostToNetworkOrder(width)).CopyTo(ihdr, 0);
        BitConverter.GetBytes(IPAddress.HostToNetworkOrder(height)).CopyTo(ihdr, 4);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(ms, "IHDR", ihdr);
        var raw = new byte[height * (1 + width * 3)];
        Array.Fill(raw, (byte)0x80);
        for (var row = 0; row < height; row++)
        {
            raw[row * (1 + width * 3)] = 0; // filter: none
        }

        using var z = new MemoryStream();
        using (var zs = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true))
        {
            zs.Write(raw);
        }

        Chunk(ms, "IDAT", z.ToArray());
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        s.Write(BitConverter.GetBytes(IPAddress.HostToNetworkOrder(data.Length)));
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        s.Write(BitConverter.GetBytes(IPAddress.HostToNetworkOrder((int)Crc32([.. typeBytes, .. data]))));
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
