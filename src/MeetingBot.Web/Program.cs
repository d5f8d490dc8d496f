using MeetingBot.Cluster;
using MeetingBot.Web.Composition;

// What the silo and the first turn need is loaded on the other core while the host is built (docs/benchmarks.md §5).
StartupWarmUp.Begin();

// Settings are read once. The default appsettings sources would otherwise watch the working directory for changes —
// where the default SQLite file lives, so every database write woke the file watcher (docs/benchmarks.md §3).
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
builder.AddMeetingBot(args);

var app = builder.Build();
// The cluster silo starts building now, beside the pipeline's set-up and the other hosted services (docs/benchmarks.md §5).
app.Services.BeginSiloStart();
app.UseMeetingBot();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
