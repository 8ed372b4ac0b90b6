using System.IO.Compression;
using System.Net;
using System.Text;

namespace Speciosa.Testing;

/// <summary>Builds small, valid PNG images for upload tests (a lot photo checks the content, not the name).</summary>
public static class Png
{
    /// <summary>A valid grey truecolour PNG of <paramref name="width"/> × <paramref name="height"/> pixels:
    /// signature, IHDR, one zlib-compressed IDAT and IEND, each chunk with its real CRC-32.</summary>
    public static byte[] Create(int width = 3, int height = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BitConverter.GetBytes(IPAddress.HostToNetworkOrder(width)).CopyTo(ihdr, 0);
        BitConverter.GetBytes(IPAddress.HostToNetworkOrder(height)).CopyTo(ihdr, 4);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour; compression, filter and interlace stay 0
        Chunk(ms, "IHDR", ihdr);
        var raw = new byte[height * (1 + width * 3)];
        Array.Fill(raw, (byte)0x80);
        for (var row = 0; row < height; row++)
        {
            raw[row * (1 + width * 3)] = 0; // each scanline starts with its filter type: none
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
