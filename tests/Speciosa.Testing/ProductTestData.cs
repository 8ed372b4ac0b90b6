using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Speciosa.Testing;

/// <summary>Helpers: demo lots by code, a fresh product and lot, a clean certificate, a real PNG.</summary>
public static class ProductTestData
{
    public static async Task<Guid> DemoLotIdAsync(HttpClient client, string lotCode)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/products?pageSize=100");
        foreach (var p in list.GetProperty("items").EnumerateArray())
        {
            var product = await client.GetFromJsonAsync<JsonElement>($"/api/products/{p.GetProperty("id").GetGuid()}");
            foreach (var lot in product.GetProperty("lots").EnumerateArray())
            {
                if (lot.GetProperty("lotCode").GetString() == lotCode)
                {
                    return lot.GetProperty("id").GetGuid();
                }
            }
        }

        throw new InvalidOperationException($"No demo lot {lotCode}.");
    }

    /// <summary>How many certificates the lot has stored (none, after a refused upload).</summary>
    public static Task<int> CertificateCountAsync(SpeciosaServer server, Guid lotId) =>
        server.QueryAsync(db => db.Certificates.CountAsync(c => c.LotId == lotId));

    /// <summary>The lot's concurrency stamp as read now: every release and recall must send it.</summary>
    public static async Task<string> LotStampAsync(HttpClient client, Guid lotId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}")).GetProperty("concurrencyStamp").GetString()!;

    public static async Task<(Guid ProductId, Guid LotId, string LotCode)> NewLotAsync(HttpClient quality)
    {
        var product = await quality.PostAsJsonAsync("/api/products", new
        {
            name = "Test Leaf " + Guid.NewGuid().ToString("N")[..6], brand = "Test Brand", vendor = "Test Vendor", form = "LeafPowder",
            servingGrams = 2m, claimMitragynineMgPerServing = 30m, claimSevenHydroxyMgPerServing = 0.3m,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, product.StatusCode);
        var productId = (await product.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var code = "T-" + Guid.NewGuid().ToString("N")[..10];
        var lot = await quality.PostAsJsonAsync($"/api/products/{productId}/lots", new
        {
            lotCode = code,
            supplyChain = new[] { new { role = "Origin", country = "Indonesia", region = "Example region" } },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, lot.StatusCode);
        return (productId, (await lot.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), code);
    }

    public static object[] CleanResults() =>
    [
        new { analyte = "mitragynine", value = 15m, unit = "mg/g" },
        new { analyte = "7-OH", value = 0.15m, unit = "mg/g" },
        new { analyte = "speciogynine", value = 3m, unit = "mg/g" },
        new { analyte = "lead", value = 0.1m, unit = "µg/g" },
        new { analyte = "arsenic", value = 0.2m, unit = "µg/g" },
        new { analyte = "cadmium", value = 0.05m, unit = "µg/g" },
        new { analyte = "mercury", value = 0.01m, unit = "µg/g" },
        new { analyte = "TAMC", value = 1000m, unit = "CFU/g" },
        new { analyte = "total-yeast-and-mould", value = 100m, unit = "CFU/g" },
        new { analyte = "bile-tolerant-gram-negatives", value = 10m, unit = "CFU/g" },
        new { analyte = "salmonella", unit = "in 25 g", qualifier = "NotDetected" },
        new { analyte = "escherichia-coli", unit = "in 25 g", qualifier = "NotDetected" },
    ];

    /// <summary>A valid 3×2 PNG built here (signature, IHDR, IDAT, IEND with real CRCs).</summary>
    public static byte[] Png(int width = 3, int height = 2)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BitConverter.GetBytes(System.Net.IPAddress.HostToNetworkOrder(width)).CopyTo(ihdr, 0);
        BitConverter.GetBytes(System.Net.IPAddress.HostToNetworkOrder(height)).CopyTo(ihdr, 4);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(ms, "IHDR", ihdr);
        var raw = new byte[height * (1 + width * 3)];
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
        var len = BitConverter.GetBytes(System.Net.IPAddress.HostToNetworkOrder(data.Length));
        s.Write(len);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = Crc32([.. typeBytes, .. data]);
        s.Write(BitConverter.GetBytes(System.Net.IPAddress.HostToNetworkOrder((int)crc)));
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
