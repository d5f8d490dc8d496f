using System.Net;
using System.Net.Sockets;

namespace MeetingBot.Web.Bot.Connector;

/// <summary>
/// Retries a reply to the channel's serviceUrl only where that cannot post a message twice: the connection was
/// refused (nothing was sent), or the channel answered 429/503 (it refused the request). Anything else — a
/// timeout or a reset after the request went out — is not retried, since the channel may already show it.
/// </summary>
public sealed class ConnectorRetryHandler(TimeProvider time) : DelegatingHandler
{
    public static readonly TimeSpan[] Delays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400)];
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(2);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (attempt < Delays.Length && e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                await Task.Delay(Delays[attempt], time, cancellationToken);
                continue;
            }
            if (attempt >= Delays.Length || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
                return response;
            var wait = response.Headers.RetryAfter?.Delta is { } delta && delta <= MaxRetryAfter ? delta : Delays[attempt];
            response.Dispose();
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
