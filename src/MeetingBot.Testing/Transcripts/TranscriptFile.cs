using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Testing.Transcripts;

/// <summary>The Bot Framework Emulator's .transcript format: a JSON array of activities, as FileTranscriptLogger writes it.</summary>
public static class TranscriptFile
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });

    /// <summary>The activities in the file, with dates left as the strings they are (their offsets matter).</summary>
    public static IReadOnlyList<JObject> Read(string path)
    {
        using var reader = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None };
        return JArray.Load(reader).Cast<JObject>().ToList();
    }

    public static void Write(string path, IEnumerable<JObject> activities)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, new JArray(activities).ToString(Formatting.Indented) + Environment.NewLine);
    }

    public static JObject ToJson(IActivity activity)
    {
        var json = JObject.FromObject(activity, Serializer);
        // Round-trip through text so dates are strings here as they are in a file that was read.
        using var reader = new JsonTextReader(new StringReader(json.ToString(Formatting.None))) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    /// <summary>Every *.transcript file under <paramref name="directory"/>, in a stable order.</summary>
    public static IReadOnlyList<string> FindAll(string directory) =>
        Directory.EnumerateFiles(directory, "*.transcript", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
