using MeetingBot.Testing.Transcripts;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Transcripts.Tests;

public sealed class TranscriptNormalizerTests
{
    [Theory]
    [InlineData("Phone Conference ID: 123 456 789#", "Phone Conference ID: {conference#1}#")]
    [InlineData("+1 405-666-0187,,123456789#  (Toll)", "+1 405-666-0187,,{conference#1}#  (Toll)")]
    [InlineData("Scheduled **Sync** (meeting 12). Join at http://localhost:3978/meet/12", "Scheduled **Sync** (meeting {meeting#1}). Join at {host}/meet/{meeting#1}")]
    [InlineData("Your new organizer PIN is 04711.", "Your new organizer PIN is {pin#1}.")]
    [InlineData("map megan to 6F2D0C4E-8A1B-4C3D-9E5F-0A1B2C3D4E5F", "map megan to {guid#1}")]
    [InlineData("Hung up leg-6eb17eec51e9.", "Hung up {leg#1}.")]
    [InlineData("📞 Calling you at +14055550100 (+1 405-555-0100): connected.", "📞 Calling you at +14055550100 (+1 405-555-0100): connected.")]
    public void Normalize_GeneratedIds_BecomeNumberedPlaceholders(string text, string normalized) =>
        Assert.Equal(normalized, new TranscriptNormalizer().Normalize(text));

    [Fact]
    public void Normalize_SameIdTwiceAndAnotherId_NumbersByFirstAppearance()
    {
        var n = new TranscriptNormalizer();
        Assert.Equal("meeting {meeting#1}, meeting {meeting#2}, meeting {meeting#1}", n.Normalize("meeting 7, meeting 9, meeting 7"));
    }

    [Fact]
    public void Project_Card_KeepsStructureDropsLooksAndEnvelope()
    {
        var activity = JObject.Parse("""
            { "type": "message", "id": "42", "timestamp": "2026-01-01T00:00:00Z", "serviceUrl": "https://x", "conversation": { "id": "c|livechat" },
              "text": "Here", "attachments": [ { "contentType": "application/vnd.microsoft.card.adaptive",
              "content": { "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "Hi", "size": "Large", "wrap": true } ],
                           "actions": [ { "type": "Action.Submit", "title": "Join", "style": "positive", "data": { "action": "join", "meetingId": "3" } } ] } } ] }
            """);

        var projected = new TranscriptNormalizer().Project(activity);

        Assert.Equal(JObject.Parse("""
            { "type": "message", "text": "Here", "attachments": [ { "contentType": "application/vnd.microsoft.card.adaptive",
              "content": { "type": "AdaptiveCard", "body": [ { "type": "TextBlock", "text": "Hi" } ],
                           "actions": [ { "type": "Action.Submit", "title": "Join", "data": { "action": "join", "meetingId": "{meeting#1}" } } ] } } ] }
            """), projected);
    }

    [Fact]
    public void MapTo_IdsTheRecordedUserTyped_BecomeThisRunsIds()
    {
        var recorded = new TranscriptNormalizer();
        var replayed = new TranscriptNormalizer();
        recorded.Normalize("meeting 7: Phone Conference ID: 987 654 321#");
        replayed.Normalize("meeting 1: Phone Conference ID: 123 456 789#");

        Assert.Equal("dial in 123456789# from +1 212 555 0100", recorded.MapTo(replayed, "dial in 987654321# from +1 212 555 0100"));
        Assert.Equal("join 1", recorded.MapTo(replayed, "join 7"));
        Assert.Equal(JObject.Parse("""{ "action": "join", "meetingId": "1" }"""), recorded.MapTo(replayed, JObject.Parse("""{ "action": "join", "meetingId": "7" }""")));
        Assert.Equal("join 8", recorded.MapTo(replayed, "join 8"));
    }
}
