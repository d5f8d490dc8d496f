using Newtonsoft.Json.Linq;

namespace MeetingBot.Testing.Transcripts;

/// <param name="Turns">How many user activities were replayed.</param>
/// <param name="Mismatch">The first turn whose replies differ, or null when all match.</param>
/// <param name="Rerecorded">The transcript as this run would record it: the recorded user activities, the bot's actual replies.</param>
public sealed record TranscriptReplayResult(int Turns, TranscriptMismatchException? Mismatch, IReadOnlyList<JObject> Rerecorded);
