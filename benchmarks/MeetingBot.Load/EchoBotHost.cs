using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace MeetingBot.Load;

/// <summary>The stock Bot Builder echo bot, wired exactly as the template does, as the baseline of the run.</summary>
public sealed class EchoBotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoBotHost(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public static async Task<EchoBotHost> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>()));
        builder.Services.AddTransient<IBot, EchoBot>();
        var app = builder.Build();
        app.MapPost("/api/messages", (HttpContext ctx, IBotFrameworkHttpAdapter adapter, IBot bot) => adapter.ProcessAsync(ctx.Request, ctx.Response, bot, ctx.RequestAborted));
        await app.StartAsync();
        return new EchoBotHost(app) { Url = app.Urls.First() };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class EchoBot : ActivityHandler
    {
        protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text($"Echo: {turnContext.Activity.Text}"), cancellationToken);
            await turnContext.SendActivityAsync(MessageFactory.Text("Say something else."), cancellationToken);
        }
    }
}
