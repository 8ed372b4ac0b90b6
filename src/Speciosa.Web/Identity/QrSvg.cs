using System.Globalization;
using System.Text;
using QRCoder;

namespace Speciosa.Web.Identity;

/// <summary>A QR code as inline SVG markup (one path of dark modules on a white square with a quiet zone), so the
/// otpauth:// URI it carries is never a URL the browser fetches and needs no inline style (the CSP allows none).</summary>
public static class QrSvg
{
    public static string Render(string payload, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var escaped = System.Net.WebUtility.HtmlEncode(label);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 {size} {size}\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"{escaped}\" shape-rendering=\"crispEdges\">" +
               $"<rect width=\"{size}\" height=\"{size}\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"{path}\"/></svg>";
    }
}
