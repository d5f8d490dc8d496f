using MeetingBot.Cluster.Commands;
using MeetingBot.Engine.Meetings;
using MeetingBot.Web.Api;
using MeetingBot.Web.Bot.Cards;
using MeetingBot.Web.Tests.Api;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>
/// What crosses the tenant boundary is an immutable snapshot taken in the tenant's turn: roster and lobby cards and
/// API views rendered while other callers join and leave never see a list change under them, and each snapshot is
/// one consistent instant (nobody present twice, every present person on the card).
/// </summary>
public sealed class SnapshotConcurrencyTests : IAsyncLifetime
{
    private const string T = "contoso";
    private static readonly string[] People = ["adele", "megan", "lee", "alex", "nestor"];
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RosterAndLobbyCardsAndApiViews_RenderedDuringJoinsAndLeaves_AreConsistentSnapshots()
    {
        var tenants = _app.Tenants;
        var now = _app.Time.GetUtcNow();
        var meeting = (await tenants.Ask(T, new ScheduleMeeting("adele", "Busy", now, now.AddHours(1)))).Value!;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var changes = 0;
        var renders = 0;

        var movers = People.Select(user => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Assert.True((await tenants.Ask(T, new JoinMeeting(user, meeting.Id, AudioMode.ComputerAudio))).IsSuccess);
                Assert.True((await tenants.Ask(T, new LeaveMeeting(user, meeting.Id))).IsSuccess);
                Interlocked.Add(ref changes, 2);
            }
        })).ToList();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var snapshot = (await tenants.Ask(T, new GetMeeting(meeting.Id))).Value!;
                var legs = await tenants.Ask(T, new ListLegs(meeting.Id));
                var roster = RosterCard.Build(snapshot, legs, "adele");
                var lobby = LobbyCard.Build(snapshot);
                var view = (await tenants.Ask(T, new GetMeetingDetails(meeting.Id))).Value!.ToView("adele");

                var present = snapshot.Present.Select(p => p.UserId).ToList();
                Assert.Equal(present.Count, present.Distinct(StringComparer.OrdinalIgnoreCase).Count());
                Assert.Equal(snapshot.Participants.Count, snapshot.Participants.Select(p => p.Id).Distinct().Count());
                var texts = string.Join('\n', roster.Descendants().OfType<JValue>().Select(v => v.ToString()));
                foreach (var p in snapshot.Present) Assert.Contains(p.DisplayName, texts);
                Assert.NotNull(lobby["body"]);
                Assert.Equal(meeting.Id, view.Id);
                Interlocked.Increment(ref renders);
            }
        })).ToList();

        await Task.WhenAll(movers.Concat(readers));

        Assert.True(changes > 20, $"only {changes} joins and leaves ran");
        Assert.True(renders > 20, $"only {renders} renders ran");
        var after = (await tenants.Ask(T, new GetMeeting(meeting.Id))).Value!;
        Assert.Empty(after.Present);
    }
}
