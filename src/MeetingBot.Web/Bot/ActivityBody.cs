using Microsoft.AspNetCore.Http.Features;

namespace MeetingBot.Web.Bot;

/// <summary>
/// Reads an /api/messages body into memory, at most <see cref="MaxBytes"/>, before anything parses it: the preflight
/// reads it before the adapter checks the channel token, so without a bound an anonymous caller could make the host
/// buffer and parse any amount. A declared Content-Length over the limit is refused unread; a chunked body is
/// refused at the first byte past it.
/// </summary>
public static class ActivityBody
{
    /// <summary>The same bound as the rest of the API: a real activity (text at most a few KB, a card submit) is far below it.</summary>
    public const long MaxBytes = Api.ApiRegistration.MaxRequestBodyBytes;

    public const string TooLargeMessage = "The activity is larger than 64 KB.";

    /// <summary>The whole body, positioned at 0, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<MemoryStream?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return null;
        // The server enforces the bound too where it can (Kestrel); the loop below covers servers that do not.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBytes;
        var body = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > MaxBytes) return null;
                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        body.Position = 0;
        return body;
    }
}
