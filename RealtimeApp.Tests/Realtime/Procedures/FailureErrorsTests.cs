using RealtimeApp.Domain.Common;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Tests.Realtime.Procedures;

public sealed class FailureErrorsTests
{
    public static TheoryData<Failure, string> Failures => new()
    {
        { Failure.Invalid("bad"), "BAD_REQUEST" },
        { Failure.NotFound("gone"), "NOT_FOUND" },
        { Failure.Forbidden("no"), "FORBIDDEN" },
        { Failure.Conflict("taken"), "CONFLICT" },
        { Failure.RateLimited("slow down", TimeSpan.FromSeconds(2)), "TOO_MANY_REQUESTS" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void ValueOrThrow_ThrowsTheMatchingCodeWithTheMessage_WhenResultFailed(Failure failure, string code)
    {
        Result<int> result = failure;

        var exception = Should.Throw<TrpcException>(() => result.ValueOrThrow());

        exception.Code.Name.ShouldBe(code);
        exception.Message.ShouldBe(failure.Message);
    }

    [Fact]
    public void ToTrpcException_CarriesRetryAfterInWholeMilliseconds_WhenRateLimited()
    {
        var failure = Failure.RateLimited("slow down", TimeSpan.FromMilliseconds(1234.2));

        var exception = failure.ToTrpcException();

        exception.ErrorData["retryAfterMs"].ShouldBe(1235L);
    }

    [Fact]
    public void ValueOrThrow_ReturnsValue_WhenResultSucceeded()
    {
        Result<string> result = "ok";

        result.ValueOrThrow().ShouldBe("ok");
    }
}
