using System.Runtime.CompilerServices;
using MeetingBot.Engine.Phone;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Orleans.Serialization;

namespace MeetingBot.Web.Composition;

/// <summary>
/// Work a cold start does anyway, begun on the thread pool at the first line of <c>Main</c>: while the main thread
/// builds the host (a third of a second in which the other core has nothing to do), this loads and prepares what the
/// cluster silo and the first turn need next — Orleans' serializer metadata (thousands of generated codec types), the
/// phone number tables, the Bot Framework activity contract. Types loaded and statics initialised here are the
/// process's own, so the real silo and the first turn find them ready (docs/benchmarks.md §5). Nothing is kept from it
/// and a failure only means the real start does the work itself.
/// </summary>
internal static class StartupWarmUp
{
    private const string SampleActivity = """
        {"type":"message","id":"warm-up","timestamp":"2026-01-01T00:00:00Z","serviceUrl":"http://127.0.0.1/","channelId":"emulator",
         "from":{"id":"user","name":"User","role":"user"},"conversation":{"id":"warm-up"},"recipient":{"id":"bot","name":"Bot","role":"bot"},
         "text":"help","entities":[{"type":"clientInfo","locale":"en-US"}],"channelData":{"clientActivityID":"1"},"value":{"action":"help"}}
        """;

    public static void Begin() => ThreadPool.UnsafeQueueUserWorkItem(static _ => Run(), null);

    private static void Run()
    {
        try
        {
            RuntimeHelpers.RunClassConstructor(typeof(PhoneNumberNormalizer).TypeHandle);
            // The Bot Framework adapter reads every activity with this serializer; its contract resolver keeps what it learns.
            using (var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(SampleActivity)))
                HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
            // The silo builds the same type tables from the same generated metadata.
            var services = new ServiceCollection();
            services.AddSerializer();
#pragma warning disable ASP0000 // a throwaway container of Orleans' serializer alone, not a copy of the host's services
            using var provider = services.BuildServiceProvider();
#pragma warning restore ASP0000
            provider.GetRequiredService<Serializer>();
        }
        catch (Exception)
        {
            // Only a head start: the host's own start does this work again and reports any real problem.
        }
    }
}
