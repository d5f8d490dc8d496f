using MeetingBot.Web.Composition;

// Settings are read once. The default appsettings sources would otherwise watch the working directory for changes —
// where the default SQLite file lives, so every database write woke the file watcher (docs/benchmarks.md §3).
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
builder.AddMeetingBot(args);

var app = builder.Build();
app.UseMeetingBot();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
