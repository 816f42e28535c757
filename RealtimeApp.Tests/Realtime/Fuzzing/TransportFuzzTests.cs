using System.Runtime.InteropServices;
using System.Text;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Web.Realtime.Http;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;
using RealtimeApp.Web.Realtime.Transport;

namespace RealtimeApp.Tests.Realtime.Fuzzing;

/// <summary>What reaches the server before a frame: the upgrade request's head, and the HTTP API's query string and body.</summary>
public sealed class TransportFuzzTests
{
    private const string UpgradeHead =
        "GET /api/ws?connectionParams=1 HTTP/1.1\r\nHost: 127.0.0.1:5000\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n" +
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: https://partner.example\r\n" +
        "Authorization: Bearer abc\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";

    private static readonly Gen<byte[]> Heads = Gen.Frequency(
        (3, Gen.Select(Gen.Const(Encoding.ASCII.GetBytes(UpgradeHead)), Gen.Int[0, 10_000].Array[1, 6], Gen.Byte.Array[1, 6], HostileJson.Mutate)),
        (1, Gen.Byte.Array[0, 300]),
        (1, Gen.Int[0, 20_000].Select(length => Encoding.ASCII.GetBytes("GET /api/ws HTTP/1.1\r\nX: " + new string('a', length)))));

    [Fact]
    public void UpgradeHeadParser_ClassifiesAnyBytes() =>
        Heads.Sample(bytes =>
        {
            var status = UpgradeHeadParser.Parse(bytes, out var head);

            if (status == UpgradeHeadStatus.Upgrade)
            {
                head.ShouldNotBeNull();
                head.Length.ShouldBeLessThanOrEqualTo(bytes.Length);
            }
        }, time: FuzzBudget.Seconds, threads: FuzzBudget.Threads);

    [Fact]
    public void HttpInputs_GiveEachCallItsInputOrABadRequest() =>
        Gen.Select(HostileJson.Frame, Gen.Bool, (body, isBatch) => (body, isBatch)).Sample(input =>
        {
            using var inputs = HttpInputs.Parse(input.body, input.isBatch);
            for (var call = 0; call < 3; call++)
            {
                try
                {
                    if (inputs.For(call) is { } element)
                    {
                        UndecodableStrings.TryFind(JsonMarshal.GetRawUtf8Value(element), out _).ShouldBeFalse();
                    }
                }
                catch (TrpcException refusal)
                {
                    refusal.Code.ShouldBe(TrpcErrorCode.BadRequest);
                }
            }
        }, time: FuzzBudget.Seconds, threads: FuzzBudget.Threads);

    [Fact]
    public void HttpRequestHead_IsReadOrRefused_ForAnyQueryString()
    {
        var router = new ProcedureRouter()
            .Query("rooms.list", ApiScopes.RoomsRead, _ => Task.FromResult(0))
            .Mutation<System.Text.Json.JsonElement, int>("chat.send", ApiScopes.ChatWrite, (_, _) => Task.FromResult(0));
        var values = Gen.OneOf(HostileJson.Value, HostileJson.RequestLike, Gen.String[0, 20]);
        var queries = Gen.Select(values, values, Gen.OneOf("", "1", "0", "true"), (input, connectionParams, batch) =>
            $"?input={Uri.EscapeDataString(input)}&connectionParams={Uri.EscapeDataString(connectionParams)}&batch={batch}");
        var paths = Gen.OneOf("rooms.list", "chat.send", "rooms.list,chat.send", "nope", "", ",,,", "rooms.list,rooms.list");

        Gen.Select(queries, paths, Gen.OneOf("GET", "POST"), (query, path, method) => (query, path, method)).Sample(request =>
        {
            var headers = new HeaderDictionary { ["Content-Type"] = "application/json" };
            try
            {
                var head = HttpRequestHeadReader.Read(
                    request.method, request.path, new QueryCollection(QueryHelpers.ParseQuery(request.query)), headers, router, maxBatchSize: 10);
                using var inputs = HttpInputs.FromQuery(head);
                head.Calls.ShouldNotBeEmpty();
            }
            catch (TrpcException refusal)
            {
                refusal.Code.ShouldBeOneOf(TrpcErrorCode.BadRequest, TrpcErrorCode.ParseError, TrpcErrorCode.UnsupportedMediaType);
            }
        }, time: FuzzBudget.Seconds, threads: FuzzBudget.Threads);
    }
}
