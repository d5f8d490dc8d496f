using Microsoft.Playwright;

namespace MeetingBot.E2E.Tests.WebChat;

/// <summary>What a person does and reads in Microsoft's Web Chat, within <c>root</c>: the relay's page or the client's chat pane.</summary>
public static class WebChatSteps
{
    /// <summary>Types into the send box and waits for the user's own bubble: Web Chat shows it once the channel echoed it.</summary>
    public static async Task SayAsync(ILocator root, string text)
    {
        var input = root.Locator("[data-id=webchat-sendbox-input]");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
        await Assertions.Expect(root.Locator(".webchat__bubble--from-user").Last).ToContainTextAsync(text);
    }

    /// <summary>The newest rendered Adaptive Card holding <paramref name="text"/>.</summary>
    public static async Task<ILocator> ExpectCardAsync(ILocator root, string text)
    {
        var card = root.Locator(".ac-adaptiveCard").Filter(new() { HasText = text }).Last;
        await Assertions.Expect(card).ToBeVisibleAsync();
        return card;
    }

    /// <summary>The newest bubble of the bot holding <paramref name="text"/>.</summary>
    public static async Task ExpectBotMessageAsync(ILocator root, string text) =>
        await Assertions.Expect(root.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").Filter(new() { HasText = text }).Last).ToBeVisibleAsync();
}
