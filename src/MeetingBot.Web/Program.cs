using MeetingBot.Web.Composition;

var builder = WebApplication.CreateBuilder(args);
builder.AddMeetingBot(args);

var app = builder.Build();
app.UseMeetingBot();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
