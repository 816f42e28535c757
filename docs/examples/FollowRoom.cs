// Follows a chat room through RealtimeApp's WebSocket API (the tRPC v11 wire protocol) with ClientWebSocket.
// Posts one message, prints every message of the room as it arrives, and after a lost connection or the server's
// reconnect notice connects again and resumes from the last event id, so nothing is missed or repeated.
//
//   TOKEN=rt_... dotnet run docs/examples/FollowRoom.cs -- ws://localhost:5000/api/ws general
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

var address = new Uri(args[0] + "?connectionParams=1");
var room = args[1];
var token = Environment.GetEnvironmentVariable("TOKEN") ?? throw new InvalidOperationException("Set TOKEN to an API token.");
string? lastEventId = null; // the resume point: the id of the last message received
var greeted = false;

while (true)
{
    try
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(address, CancellationToken.None);
        await SendAsync(socket, new JsonObject { ["method"] = "connectionParams", ["data"] = new JsonObject { ["token"] = token } });
        var input = new JsonObject { ["roomId"] = room };
        if (lastEventId is not null)
        {
            input["lastEventId"] = lastEventId;
        }

        await SendAsync(socket, Request(1, "subscription", "chat.onMessage", input));
        if (!greeted)
        {
            await SendAsync(socket, Request(2, "mutation", "chat.send", new JsonObject { ["roomId"] = room, ["text"] = "hello from C#" }));
            greeted = true;
        }

        while (await ReceiveAsync(socket) is { } frame)
        {
            if (frame == "PING")
            {
                await SendRawAsync(socket, "PONG"); // the server's keep-alive
                continue;
            }

            var message = JsonNode.Parse(frame)!;
            if ((string?)message["method"] == "reconnect")
            {
                break; // the server is stopping: move to a new connection
            }

            if (message["error"] is { } error)
            {
                Console.WriteLine($"error {error["data"]?["code"]}: {error["message"]}");
                if (message["id"] is null || (int?)message["id"] == 1)
                {
                    return; // refused token, or the subscription itself failed
                }

                continue;
            }

            if ((int?)message["id"] == 1 && (string?)message["result"]?["type"] == "data")
            {
                lastEventId = (string?)message["result"]!["data"]!["id"];
                var posted = message["result"]!["data"]!["data"]!;
                Console.WriteLine($"#{posted["sequence"]} {posted["authorName"]}: {posted["text"]}");
            }
        }
    }
    catch (WebSocketException lost)
    {
        Console.WriteLine($"connection lost ({lost.Message}); resuming after {lastEventId}");
    }

    await Task.Delay(TimeSpan.FromSeconds(2));
}

static JsonObject Request(int id, string method, string path, JsonObject input) =>
    new() { ["id"] = id, ["method"] = method, ["params"] = new JsonObject { ["path"] = path, ["input"] = input } };

static Task SendAsync(ClientWebSocket socket, JsonNode frame) => SendRawAsync(socket, frame.ToJsonString());

static Task SendRawAsync(ClientWebSocket socket, string text) =>
    socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

// One whole text frame, or null when the server closed the connection.
static async Task<string?> ReceiveAsync(ClientWebSocket socket)
{
    var buffer = new byte[8192];
    using var frame = new MemoryStream();
    ValueWebSocketReceiveResult result;
    do
    {
        result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            return null;
        }

        frame.Write(buffer, 0, result.Count);
    }
    while (!result.EndOfMessage);

    return Encoding.UTF8.GetString(frame.ToArray());
}
