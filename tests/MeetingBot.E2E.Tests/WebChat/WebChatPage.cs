namespace MeetingBot.E2E.Tests.WebChat;

/// <summary>
/// TEST ONLY. The page the relay serves: Microsoft's Web Chat (the pinned bundle from tools/webchat) with default
/// style options, connected to the relay through a small Direct Line-compatible object (Web Chat reads
/// <c>activity$</c> and <c>connectionStatus$</c> and calls <c>postActivity</c>, which answers the new id).
/// </summary>
public static class WebChatPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html lang="en-US">
        <head>
          <meta charset="utf-8">
          <title>MeetingBot in Web Chat (test relay)</title>
          <style>html, body { height: 100%; margin: 0; } #webchat { height: 100%; }</style>
          <script src="/webchat.js"></script>
        </head>
        <body>
          <main id="webchat" role="main"></main>
          <script>
            // A multicast observable: Web Chat subscribes with { next } and keeps the subscription to unsubscribe.
            function subject(initial) {
              const observers = new Set();
              let current = initial;
              return {
                next(value) { current = value; for (const o of [...observers]) o.next && o.next(value); },
                subscribe(observer) {
                  const o = typeof observer === 'function' ? { next: observer } : observer;
                  observers.add(o);
                  if (current !== undefined) o.next && o.next(current);
                  return { unsubscribe() { observers.delete(o); }, get closed() { return !observers.has(o); } };
                }
              };
            }

            function relayDirectLine() {
              const connectionStatus$ = subject(0); // Uninitialized
              const incoming = subject(undefined);
              let source;
              const activity$ = {
                subscribe(observer) {
                  const subscription = incoming.subscribe(observer);
                  if (!source) {
                    connectionStatus$.next(1); // Connecting
                    source = new EventSource('/directline/events');
                    source.onopen = () => connectionStatus$.next(2); // Online
                    source.onmessage = event => incoming.next(JSON.parse(event.data));
                  }
                  return subscription;
                }
              };
              return {
                activity$,
                connectionStatus$,
                postActivity(activity) {
                  const result = subject(undefined);
                  fetch('/directline/activities', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) })
                    .then(response => { if (!response.ok) throw new Error('relay answered ' + response.status); return response.json(); })
                    .then(body => result.next(body.id), error => console.error('postActivity failed', error));
                  return result;
                },
                end() { if (source) source.close(); connectionStatus$.next(5); } // Ended
              };
            }

            window.WebChat.renderWebChat(
              { directLine: relayDirectLine(), userID: 'user1', username: 'User', locale: 'en-US' },
              document.getElementById('webchat'));
          </script>
        </body>
        </html>
        """;
}
