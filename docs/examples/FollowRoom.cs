// Follows a chat room through RealtimeApp's API with its .NET client (RealtimeApp.Client, a .NET 10 file-based app).
// Posts one message, then prints every message of the room as it arrives. The client answers the server's
// keep-alive, reconnects after a lost connection or a server restart (1 s, 2 s, 4 s … up to 30 s) and resumes after
// the last message it printed, so nothing is missed or repeated. Ctrl+C stops it.
//
//   dotnet pack RealtimeApp.Client -c Release -o artifacts/packages    # once, from the repository root
//   TOKEN=rt_... dotnet run docs/examples/FollowRoom.cs -- ws://localhost:5000/api/ws general
//
// PublishAot=false: file-based apps default to native AOT, whose compiler packages a run does not need (and an
// offline machine may not have).
#:package RealtimeApp.Client@0.1.0
#:property PublishAot=false
using RealtimeApp.Client;

var (address, room) = args is [var url, var roomId] ? (new Uri(url), roomId) : throw new ArgumentException("Usage: FollowRoom <ws://host/api/ws> <room id>");
var token = Environment.GetEnvironmentVariable("TOKEN") ?? throw new InvalidOperationException("Set TOKEN to an API token.");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

await using var client = new RealtimeClient(new RealtimeClientOptions { ServerUrl = address, Token = token });
client.StateChanged += (_, state) => Console.WriteLine(state.Phase == ConnectionPhase.Reconnecting
    ? $"connection lost ({state.Reason}); attempt {state.Attempt} in {state.Delay.TotalSeconds:0.#} s"
    : $"connection {state.Phase.ToString().ToLowerInvariant()}");

try
{
    // Follow from the room's newest message, so the greeting below is printed too.
    var newest = (await client.Chat.HistoryAsync(room, limit: 1, cancellationToken: stop.Token)).LastOrDefault()?.Sequence ?? 0;
    var greeting = await client.Chat.SendAsync(room, "hello from C#", clientId: $"hello-{Guid.NewGuid():N}", stop.Token);
    Console.WriteLine($"posted #{greeting.Sequence}");
    await foreach (var message in client.Chat.OnMessageAsync(room, newest, stop.Token))
    {
        Console.WriteLine($"#{message.Sequence} {message.AuthorName}: {message.Text}");
    }
}
catch (RealtimeApiException refused)
{
    Console.WriteLine($"error {refused.Code}: {refused.Message}"); // e.g. NOT_FOUND for an unknown room
    return 1;
}
catch (RealtimeConnectionException closed) when (closed.IsFinal)
{
    Console.WriteLine(closed.Message); // the token was refused or revoked
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    // Ctrl+C.
}

return 0;
