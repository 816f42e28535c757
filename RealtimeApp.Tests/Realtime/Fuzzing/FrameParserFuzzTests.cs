using System.Runtime.InteropServices;
using System.Text.Json;
using CsCheck;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Tests.Realtime.Fuzzing;

public sealed class FrameParserFuzzTests
{
    [Fact]
    public void Parse_AnswersAnyFrameWithRequestsOrAProtocolError_AndTheAnswerIsJson() =>
        HostileJson.Frame.Sample(frame =>
        {
            var result = TrpcFrameParser.Parse(frame);

            if (result.IsValid)
            {
                foreach (var request in result.Requests)
                {
                    UndecodableStrings.TryFind(request.Input is { } input ? JsonMarshal.GetRawUtf8Value(input) : default, out _).ShouldBeFalse();
                    request.Path.ShouldNotBeNull();
                }
            }
            else
            {
                result.Error!.Code.ShouldBeOneOf(TrpcErrorCode.ParseError, TrpcErrorCode.BadRequest);
                using var answer = JsonDocument.Parse(TrpcFrames.Error(result.ErrorId, false, result.Error));
                answer.RootElement.GetProperty("error").GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
            }
        }, time: FuzzBudget.Seconds, threads: FuzzBudget.Threads);

    [Fact]
    public void ConnectionParams_AreReadOrRefused_ForAnyFrame() =>
        HostileJson.Frame.Sample(frame =>
        {
            if (ConnectionParamsParser.TryParse(frame, out var parameters) && parameters is not null)
            {
                parameters.Values.ShouldAllBe(value => value != null);
            }

            if (ConnectionParamsParser.TryParseData(frame, out var data, out _) && data is not null)
            {
                data.Values.ShouldAllBe(value => value != null);
            }
        }, time: FuzzBudget.Seconds, threads: FuzzBudget.Threads);
}
