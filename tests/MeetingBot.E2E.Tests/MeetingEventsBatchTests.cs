using MeetingBot.E2E.Tests.Infrastructure;
using MeetingBot.Engine.Events;
using MeetingBot.Web.Engine;
using MeetingBot.Web.Hubs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static MeetingBot.E2E.Tests.Infrastructure.PageSteps;

namespace MeetingBot.E2E.Tests;

/// <summary>
/// In a burst the host sends a meeting's queued roster events as one <c>MeetingEvents</c> message; the browser must
/// handle each event in it as if it had come alone, in order.
/// </summary>
public sealed class MeetingEventsBatchTests(WebClientFixture fixture) : IClassFixture<WebClientFixture>
{
    [Fact]
    public async Task MeetingEvents_TwoRosterEventsInOneMessage_TheBrowserShowsEachInOrder()
    {
        var page = await fixture.Browser.NewPageAsync();
        await SignInAsync(page, "Adele Vance");
        var meetingId = await ScheduleAsync(page, "Burst review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join now" }).ClickAsync();
        var pushes = fixture.Host.Services.GetServices<IEngineEventSubscriber>().OfType<SignalREventSubscriber>().Single();
        var toasts = Toasts(page);

        // The page joins the meeting's hub group as it opens the meeting; push until it is in (at most a few tries).
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var at = DateTimeOffset.UtcNow;
            await pushes.HandleBatchAsync(
            [
                new ParticipantJoined("contoso", at, meetingId, "burst-1", "Pat Burst", IsPhoneOnly: true, InLobby: false),
                new ParticipantLeft("contoso", at, meetingId, "burst-1", "Pat Burst"),
            ], CancellationToken.None);
            try
            {
                await Assertions.Expect(toasts).ToContainTextAsync("Pat Burst left.", new() { Timeout = 1_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 19)
            {
            }
        }

        var texts = await toasts.Locator(".toast").AllInnerTextsAsync();
        var joined = texts.ToList().FindLastIndex(t => t.Contains("Pat Burst joined by phone."));
        var left = texts.ToList().FindLastIndex(t => t.Contains("Pat Burst left."));
        Assert.True(joined >= 0, $"no 'joined' toast among: {string.Join(" | ", texts)}");
        Assert.Equal(joined + 1, left); // one message, handled in order: joined, then left, next to each other
        fixture.Browser.AssertNoConsoleErrors();
    }
}
