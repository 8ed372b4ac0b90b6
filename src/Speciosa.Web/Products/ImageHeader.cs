using System.Buffers.Binary;

namespace Speciosa.Web.Products;

/// <summary>What an uploaded file really is, read from its bytes (never its name or declared type):
/// PNG, JPEG or WebP, with width and height from the header. No image library is available, so nothing
/// is decoded or re-encoded: pages show the original scaled by the browser with width/height attributes.</summary>
public sealed record ImageHeader(string ContentType, int Width, int Height)
{
    public static ImageHeader? Read(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 24 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })
            && b.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return Valid("image/png", BinaryPrimitives.ReadInt32BigEndian(b[16..]), BinaryPrimitives.ReadInt32BigEndian(b[20..]));
        }

        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return Jpeg(b);
        }

        if (b.Length >= 30 && b[..4].SequenceEqual("RIFF"u8) && b.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return WebP(b);
        }

        return null;
    }

    private static ImageHeader? Valid(string type, int width, int height) =>
        width is > 0 and <= 100_000 && height is > 0 and <= 100_000 ? new(type, width, height) : null;

    private static ImageHeader? Jpeg(ReadOnlySpan<byte> b)
    {
        var i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF)
            {
                return null;
            }

            var marker = b[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            // Start-of-frame markers (baseline, progressive, …) carry the dimensions; not DHT/JPG/DAC.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return Valid("image/jpeg", BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
            }

            if (length < 2)
            {
                return null;
            }

            i += 2 + length;
        }

        return null;
    }

    private static ImageHeader? WebP(ReadOnlySpan<byte> b)
    {
        var chunk = b.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var w = 1 + (b[24] | (b[25] << 8) | (b[26] << 16));
            var h = 1 + (b[27] | (b[28] << 8) | (b[29] << 16));
            return Valid("image/webp", w, h);
        }

        if (chunk.SequenceEqual("VP8 "u8) && b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A)
        {
            return Valid("image/webp", BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8) && b[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return Valid("image/webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        return null;
    }

    /// <summary>Display size for a thumbnail no larger than <paramref name="box"/> px, keeping the aspect ratio.</summary>
    public static (int Width, int Height) Fit(int width, int height, int box)
    {
        if (width <= box && height <= box)
        {
            return (width, height);
        }

        var scale = Math.Min((double)box / width, (double)box / height);
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }
}
