using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MeetingBot.Manifest.Tests;

/// <summary>
/// A minimal PNG reader for the icon checks: the IHDR header and, for 8-bit non-interlaced greyscale, RGB
/// and RGBA images, the decoded pixels (all five scanline filters).
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _pixels;

    private PngImage(int width, int height, byte bitDepth, byte colorType, byte[] pixels)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    /// <summary>PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.</summary>
    public byte ColorType { get; }

    public bool HasAlphaChannel => ColorType is 4 or 6;

    private int Channels => ColorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };

    public static PngImage Load(string path) => Parse(File.ReadAllBytes(path));

    public static PngImage Parse(byte[] bytes)
    {
        if (bytes.Length < Signature.Length || !bytes.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file: the signature is missing.");
        }

        int width = 0, height = 0;
        byte bitDepth = 0, colorType = 0, interlace = 0;
        using var idat = new MemoryStream();
        var offset = Signature.Length;
        var sawHeader = false;
        while (offset + 8 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    interlace = data[12];
                    sawHeader = true;
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            offset += 12 + length; // length, type, data, CRC
            if (type == "IEND")
            {
                break;
            }
        }

        if (!sawHeader)
        {
            throw new InvalidDataException("PNG without an IHDR chunk.");
        }

        var image = new PngImage(width, height, bitDepth, colorType, []);
        if (bitDepth != 8 || interlace != 0 || image.Channels == 0)
        {
            // Header-only: the size checks still work; pixel checks will report the unsupported layout.
            return image;
        }

        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return new PngImage(width, height, bitDepth, colorType, Unfilter(raw.ToArray(), width, height, image.Channels));
    }

    /// <summary>The pixel as RGBA; images without alpha report 255.</summary>
    public (byte R, byte G, byte B, byte A) GetPixel(int x, int y)
    {
        if (_pixels.Length == 0)
        {
            throw new NotSupportedException($"Pixels of PNG colour type {ColorType}, bit depth {BitDepth} or interlaced are not decoded.");
        }

        var i = ((y * Width) + x) * Channels;
        return ColorType switch
        {
            0 => (_pixels[i], _pixels[i], _pixels[i], 255),
            2 => (_pixels[i], _pixels[i + 1], _pixels[i + 2], 255),
            4 => (_pixels[i], _pixels[i], _pixels[i], _pixels[i + 1]),
            _ => (_pixels[i], _pixels[i + 1], _pixels[i + 2], _pixels[i + 3]),
        };
    }

    public IEnumerable<(int X, int Y, (byte R, byte G, byte B, byte A) Pixel)> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                yield return (x, y, GetPixel(x, y));
            }
        }
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bytesPerPixel)
    {
        var stride = width * bytesPerPixel;
        if (raw.Length < height * (stride + 1))
        {
            throw new InvalidDataException("PNG image data is shorter than its header says.");
        }

        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var previous = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
                int up = previous[i];
                int upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter type {filter} in row {y}."),
                };
                row[i] = unchecked((byte)(source[i] + predictor));
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
