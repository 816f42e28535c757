using System.Globalization;
using System.Net.WebSockets;
using System.Security.Claims;
using RealtimeApp.Web.Realtime.Authentication;
using RealtimeApp.Web.Realtime.Logging;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>The connection context (§2): created once, requests wait for it; a failure rejects the connection.</summary>
internal sealed partial class ApiConnection
{
    private const string BinaryFrameMessage = "Binary frames are not supported. Send the JSON as a text frame.";

    private readonly TaskCompletionSource<ConnectionIdentity?> _context = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _contextTask = Task.CompletedTask;
    private volatile TrpcError? _rejection;
    private ApiUpgrade? _upgrade;

    private void HandleText(ReadOnlyMemory<byte> message)
    {
        var span = message.Span;
        if (span.SequenceEqual("PING"u8))
        {
            Send(TrpcFrames.Pong);
            return;
        }

        if (span.SequenceEqual("PONG"u8))
        {
            return;
        }

        if (Volatile.Read(ref _awaitingConnectionParams) == 1 && Interlocked.Exchange(ref _awaitingConnectionParams, 0) == 1)
        {
            if (ConnectionParamsParser.TryParse(message, out var parameters))
            {
                StartContext(parameters);
            }
            else
            {
                ApiConnectionLog.AuthenticationFailed(_logger, ConnectionParamsParser.InvalidShape);
                _contextTask = Task.Run(() => RejectAsync(TrpcError.Parse(ConnectionParamsParser.InvalidShape), ApiCloseCodes.Rejected));
            }

            return;
        }

        var frame = TrpcFrameParser.Parse(message);
        if (!frame.IsValid)
        {
            Send(TrpcFrames.Error(frame.ErrorId, false, frame.Error!));
            return;
        }

        foreach (var request in frame.Requests)
        {
            Dispatch(request);
        }
    }

    /// <summary>A connection that announced connectionParams must send them in time, or it is refused like a bad token.</summary>
    private async Task RejectUnlessConnectionParamsArriveAsync()
    {
        var timeout = TimeSpan.FromSeconds(_options.ConnectionParamsTimeoutSeconds);
        try
        {
            await Task.Delay(timeout, _time, _connectionCts.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Interlocked.Exchange(ref _awaitingConnectionParams, 0) == 1)
        {
            var message = string.Create(CultureInfo.InvariantCulture, $"connectionParams were not received within {timeout.TotalSeconds:0.###} s");
            ApiConnectionLog.AuthenticationFailed(_logger, message);
            _contextTask = RejectAsync(new TrpcError(TrpcErrorCode.Unauthorized, message), ApiCloseCodes.Rejected);
        }
    }

    private void StartContext(IReadOnlyDictionary<string, string>? parameters) =>
        _contextTask = Task.Run(() => CreateContextAsync(parameters));

    private async Task CreateContextAsync(IReadOnlyDictionary<string, string>? parameters)
    {
        var upgrade = _upgrade!;
        _upgrade = null;
        var request = new ApiAuthenticationRequest(upgrade.BearerToken, upgrade.BrowserUser, parameters, upgrade.IsOriginAllowed);
        ApiAuthenticationResult result;
        try
        {
            result = await _authenticator.AuthenticateAsync(request, _connectionCts.Token);
        }
        catch (OperationCanceledException) when (_connectionCts.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            ApiConnectionLog.AuthenticatorFailed(_logger, exception);
            result = ApiAuthenticationResult.Fail("Authentication failed");
        }

        if (!result.Succeeded)
        {
            ApiConnectionLog.AuthenticationFailed(_logger, result.Failure);
            await RejectAsync(new TrpcError(TrpcErrorCode.Unauthorized, result.Failure), ApiCloseCodes.Rejected);
            return;
        }

        var principal = result.Principal;
        User = principal;
        if (await _registry.AdmitAsync(this, principal, _limits, _connectionCts.Token) is { } refusal)
        {
            ApiConnectionLog.Refused(_logger, refusal.Message);
            await RejectAsync(refusal, ApiCloseCodes.TooManyConnections);
            return;
        }

        UserName = principal.Identity?.Name;
        ApiConnectionLog.Authenticated(_logger, UserId);
        _context.TrySetResult(new ConnectionIdentity(principal, parameters));
    }

    /// <summary>Sends the <c>id:null</c> error, lets every request already received answer with the same error under its own id, then closes.</summary>
    private async Task RejectAsync(TrpcError error, WebSocketCloseStatus closeStatus)
    {
        _rejection = error;
        Send(TrpcFrames.Error(RequestId.Null, false, error));
        _context.TrySetResult(null);
        await WhenRequestsFinishedAsync();
        RequestClose(closeStatus, closeStatus == WebSocketCloseStatus.Empty ? null : error.Message, discardPending: false);
    }

    private sealed record ConnectionIdentity(ClaimsPrincipal Principal, IReadOnlyDictionary<string, string>? Parameters);
}
