using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Tests.Realtime.Protocol;

public sealed class TrpcErrorCodeTests
{
    [Theory]
    [InlineData("PARSE_ERROR", -32700, 400)]
    [InlineData("BAD_REQUEST", -32600, 400)]
    [InlineData("INTERNAL_SERVER_ERROR", -32603, 500)]
    [InlineData("NOT_IMPLEMENTED", -32603, 501)]
    [InlineData("BAD_GATEWAY", -32603, 502)]
    [InlineData("SERVICE_UNAVAILABLE", -32603, 503)]
    [InlineData("GATEWAY_TIMEOUT", -32603, 504)]
    [InlineData("UNAUTHORIZED", -32001, 401)]
    [InlineData("PAYMENT_REQUIRED", -32002, 402)]
    [InlineData("FORBIDDEN", -32003, 403)]
    [InlineData("NOT_FOUND", -32004, 404)]
    [InlineData("METHOD_NOT_SUPPORTED", -32005, 405)]
    [InlineData("TIMEOUT", -32008, 408)]
    [InlineData("CONFLICT", -32009, 409)]
    [InlineData("PRECONDITION_FAILED", -32012, 412)]
    [InlineData("PAYLOAD_TOO_LARGE", -32013, 413)]
    [InlineData("UNSUPPORTED_MEDIA_TYPE", -32015, 415)]
    [InlineData("UNPROCESSABLE_CONTENT", -32022, 422)]
    [InlineData("PRECONDITION_REQUIRED", -32028, 428)]
    [InlineData("TOO_MANY_REQUESTS", -32029, 429)]
    [InlineData("CLIENT_CLOSED_REQUEST", -32099, 499)]
    public void All_MatchesTheSpecificationTable_ForEveryCode(string name, int jsonRpcCode, int httpStatus)
    {
        var code = TrpcErrorCode.All.Single(c => c.Name == name);

        code.JsonRpcCode.ShouldBe(jsonRpcCode);
        code.HttpStatus.ShouldBe(httpStatus);
    }

    [Fact]
    public void All_HoldsEveryCodeOnce()
    {
        var names = TrpcErrorCode.All.Select(c => c.Name).ToList();

        names.Count.ShouldBe(21);
        names.ShouldBeUnique();
    }
}
