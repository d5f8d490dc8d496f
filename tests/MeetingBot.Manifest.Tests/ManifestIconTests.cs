using System.Globalization;

namespace MeetingBot.Manifest.Tests;

public sealed class ManifestIconTests
{
    private static string IconPath(string kind) =>
        Path.Combine(RepoPaths.ManifestDirectory, CommittedManifest.Load()["icons"]![kind]!.GetValue<string>());

    [Theory]
    [InlineData("color")]
    [InlineData("outline")]
    public void Icons_NamedInManifest_ExistAsPngFiles(string kind)
    {
        var path = IconPath(kind);

        Assert.True(File.Exists(path), $"{kind} icon {path} is missing");
        Assert.Equal(".png", Path.GetExtension(path));
        PngImage.Load(path); // throws if the file is not a PNG
    }

    [Fact]
    public void ColorIcon_Size_Is192By192()
    {
        var image = PngImage.Load(IconPath("color"));

        Assert.Equal((192, 192), (image.Width, image.Height));
    }

    [Fact]
    public void ColorIcon_Background_IsTheManifestAccentColor()
    {
        var accent = CommittedManifest.Load()["accentColor"]!.GetValue<string>();
        var image = PngImage.Load(IconPath("color"));

        var (r, g, b, a) = image.GetPixel(0, 0);

        Assert.Equal(accent.ToUpperInvariant(), string.Create(CultureInfo.InvariantCulture, $"#{r:X2}{g:X2}{b:X2}"));
        Assert.Equal(255, a);
    }

    [Fact]
    public void OutlineIcon_Size_Is32By32()
    {
        var image = PngImage.Load(IconPath("outline"));

        Assert.Equal((32, 32), (image.Width, image.Height));
    }

    [Fact]
    public void OutlineIcon_Format_HasAlphaChannel()
    {
        var image = PngImage.Load(IconPath("outline"));

        Assert.True(image.HasAlphaChannel, $"colour type {image.ColorType} has no alpha channel");
    }

    [Fact]
    public void OutlineIcon_Background_IsTransparent()
    {
        var image = PngImage.Load(IconPath("outline"));

        Assert.All(
            new[] { (0, 0), (31, 0), (0, 31), (31, 31) },
            corner => Assert.Equal(0, image.GetPixel(corner.Item1, corner.Item2).A));
        Assert.True(image.Pixels().Count(p => p.Pixel.A == 0) >= 32 * 32 / 3, "less than a third of the outline icon is transparent");
    }

    [Fact]
    public void OutlineIcon_VisiblePixels_AreWhite()
    {
        var image = PngImage.Load(IconPath("outline"));

        var notWhite = image.Pixels()
            .Where(p => p.Pixel.A > 0 && (p.Pixel.R, p.Pixel.G, p.Pixel.B) != (255, 255, 255))
            .Select(p => $"({p.X},{p.Y})={p.Pixel}")
            .ToList();

        Assert.True(notWhite.Count == 0, "non-white visible pixels: " + string.Join(' ', notWhite.Take(10)));
    }

    [Fact]
    public void OutlineIcon_Foreground_IsDrawn()
    {
        var image = PngImage.Load(IconPath("outline"));

        Assert.True(image.Pixels().Count(p => p.Pixel.A == 255) >= 50, "the outline icon has almost no opaque white pixels");
    }

    [Fact]
    public void Parse_BytesWithoutPngSignature_Throws()
    {
        Assert.Throws<InvalidDataException>(() => PngImage.Parse("GIF89a not a png"u8.ToArray()));
    }
}
