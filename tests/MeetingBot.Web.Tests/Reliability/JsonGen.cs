using System.Globalization;
using System.Text;
using CsCheck;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>
/// CsCheck generators of JSON text, written as text so that they can say what no serializer would: numbers past
/// double (1e400), -0, duplicate or missing fields, wrong types, and bodies that are not JSON at all.
/// </summary>
public static class JsonGen
{
    /// <summary>
    /// The seed every property here starts from, so a run samples the same cases each time. A failure prints the
    /// seed of the smallest failing case: run with the environment variable CsCheck_Seed set to it to replay exactly
    /// that case (CsCheck_Iter=1 runs only it). Any other seed samples other cases, which is how to look for more.
    /// </summary>
    public static readonly string Seed = Environment.GetEnvironmentVariable("CsCheck_Seed") is { Length: > 0 } seed ? seed : "d1nRKiBsAxc2";

    /// <summary>The iteration count a property asks for, unless the environment variable CsCheck_Iter says otherwise.</summary>
    public static long Iterations(long fixedCount) =>
        long.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var iter) && iter > 0 ? iter : fixedCount;

    private static readonly string[] Odd =
    [
        "", " ", "\u0000", "\u202e1", "\r\n", "null", "💥📞", "Ω≈ç√", "\uFEFF", "\ud800", "٤٠٥٥٥٥٠١٠٠", "＋１ ４０５",
        "'; DROP TABLE users;--", "<script>alert(1)</script>", "../../etc/passwd", "%00", "{{meetingId}}", "=1+2", "NaN",
    ];

    /// <summary>Any text: random UTF-16 (lone surrogates and control characters included), odd strings, very long ones.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.String[0, 30]),
        (3, Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789 -_."].Array[0, 12].Select(c => new string(c))),
        (2, Gen.OneOf(Odd)),
        (1, Gen.Int[2_000, 20_000].Select(n => new string('x', n))),
        (1, Gen.Int[100, 3_000].Select(n => string.Concat(Enumerable.Repeat("😀", n)))));

    /// <summary>Phone numbers, PINs and digits: mostly digit soup, some real numbers, some odd text.</summary>
    public static readonly Gen<string> Digits = Gen.Frequency(
        (3, Gen.Char["0123456789 +-()#*"].Array[0, 20].Select(c => new string(c))),
        (4, Gen.OneOf("+1 405 555 0100", "405 555 0100", "4055550100", "+44 20 7946 0000", "+1 900 555 0100", "911", "112",
            "+14056660187", "+18885550142", "12345", "123456789#", "#", "+", "00000000000000000000000000000000000000000")),
        (1, Text));

    /// <summary>JSON number tokens, the extreme ones included.</summary>
    public static readonly Gen<string> Number = Gen.Frequency(
        (4, Gen.Int[0, 100].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (3, Gen.Int[100, 1_000_000].Select(i => (i / 100m).ToString(CultureInfo.InvariantCulture))),
        (3, Gen.OneOf("0", "-0", "0.0", "-0.0", "1", "-1", "1e308", "-1e308", "1e400", "-1e400", "1.7976931348623157e308", "5e-324",
            "2147483647", "2147483648", "-2147483649", "9223372036854775808", "79228162514264337593543950336", "1e-400",
            "10.001", "0.5", "1.00", "10000", "10000.01", "1440", "1441", "44640", "44641", "0.000000000000000000000000001")),
        (2, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Special.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e999")),
        (1, Gen.Int[-100_000, 100_000].Select(i => (i / 100m).ToString(CultureInfo.InvariantCulture))));

    /// <summary>Date-time strings: valid, at the ends of time, with offsets that push them past the ends, and not dates at all.</summary>
    public static readonly Gen<string> Date = Gen.Frequency(
        (4, Gen.Int[-60 * 24 * 40, 60 * 24 * 40].Select(m => new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero).AddMinutes(m).ToString("O", CultureInfo.InvariantCulture))),
        (3, Gen.OneOf("9999-12-31T23:00Z", "9999-12-31T23:59:59.9999999+00:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00Z",
            "0001-01-01T00:00:00+14:00", "2025-03-03T09:00:00Z", "2025-03-03T09:00:00-12:00", "2025-02-30T00:00:00Z", "yesterday",
            "2025-03-03", "1970-01-01T00:00:00Z", "2100-01-01T00:00:00Z", "")),
        (1, Gen.DateTimeOffset.Select(d => d.ToString("O", CultureInfo.InvariantCulture))));

    /// <summary>Whole numbers for counts and durations: mostly small, sometimes any number token.</summary>
    public static readonly Gen<string> Count = Gen.Frequency(
        (4, Gen.Int[-5, 2_000].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Number));

    /// <summary>Booleans, and what a loose client sends instead.</summary>
    public static readonly Gen<string> Bool = Gen.Frequency((6, Gen.OneOf("true", "false")), (1, Gen.OneOf("\"true\"", "1", "0", "null", "\"yes\"")));

    /// <summary>The body as UTF-8 bytes; a lone surrogate becomes U+FFFD, as any client would send it.</summary>
    public static ByteArrayContent Content(string body, string? mediaType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (!string.IsNullOrEmpty(mediaType)) content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary>A JSON string token. Surrogates are written as \u escapes, so a lone one (which System.Text.Json refuses to write) is sent too.</summary>
    public static string Quote(string text)
    {
        var json = new StringBuilder("\"", text.Length + 2);
        foreach (var c in text)
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= '\ud800' and <= '\udfff') => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        return json.Append('"').ToString();
    }

    public static readonly Gen<string> StringToken = Text.Select(Quote);

    public static readonly Gen<string> Scalar = Gen.Frequency(
        (1, Gen.OneOf("null", "true", "false")),
        (2, Number),
        (3, StringToken));

    /// <summary>Any JSON value, nested at most <paramref name="depth"/> deep.</summary>
    public static Gen<string> Value(int depth = 2) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (6, Scalar),
            (1, Value(depth - 1).Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Text.Select(Quote), Value(depth - 1)).Array[0, 4]
                .Select(fields => "{" + string.Join(",", fields.Select(f => f.Item1 + ":" + f.Item2)) + "}")));

    /// <summary>Bodies that are not a JSON object: other JSON types, broken JSON, not JSON at all.</summary>
    public static readonly Gen<string> NotAnObject = Gen.Frequency(
        (2, Gen.OneOf("", " ", "{", "}", "{\"a\":}", "{\"a\" 1}", "[", "nul", "\u0000", "{}{}", "{\"a\":1,}", "'{}'", "<xml/>", "\uFEFF{}")),
        (2, Gen.OneOf("null", "true", "0", "-0", "1e400", "\"text\"", "[]", "[{}]", "[1,2,3]")),
        (1, Text));

    /// <summary>
    /// Mostly a JSON object whose fields are each plausible, any JSON, null, duplicated or missing, plus now and then
    /// an unknown field; sometimes anything at all.
    /// </summary>
    public static Gen<string> Body(params (string Name, Gen<string> Plausible)[] fields)
    {
        var perField = fields.Select(f => Gen.Frequency(
            (8, f.Plausible.Select(v => Quote(f.Name) + ":" + v)),
            (2, Value().Select(v => Quote(f.Name) + ":" + v)),
            (1, Gen.Const("")),
            (1, Gen.OneOf(Quote(f.Name) + ":null", Quote(f.Name.ToUpperInvariant()) + ":null")),
            (1, Gen.Select(Value(0), f.Plausible).Select((a, b) => Quote(f.Name) + ":" + a + "," + Quote(f.Name) + ":" + b)))).ToArray();
        var extra = Gen.Frequency((4, Gen.Const("")), (1, Gen.Select(StringToken, Value()).Select((k, v) => k + ":" + v)));
        var known = perField.Aggregate(Gen.Const(Array.Empty<string>()), (all, field) => Gen.Select(all, field).Select((a, f) => a.Append(f).ToArray()));
        var obj = Gen.Select(known, extra).Select((k, unknown) => "{" + string.Join(",", k.Append(unknown).Where(f => f.Length > 0)) + "}");
        return Gen.Frequency((10, obj), (1, Value()), (1, NotAnObject));
    }
}
