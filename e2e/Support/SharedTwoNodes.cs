using RealtimeApp.Domain.Users;

namespace RealtimeApp.E2E.Support;

/// <summary>
/// One set of two nodes for the tests that do not break anything (<c>[Collection(SharedTwoNodes.Collection)]</c>), with
/// the accounts they use made before the nodes start: each test has users of its own, so none sees another's effects.
/// Starting nodes is the slow part of these tests; the destructive ones (<c>TwoNodeFailureTests</c>) start their own.
/// </summary>
public sealed class SharedTwoNodes : IAsyncLifetime
{
    public const string Collection = "two nodes";

    private TwoNodes? _nodes;

    public TwoNodes Nodes => _nodes ?? throw new InvalidOperationException("The nodes have not started.");

    /// <summary>Staff who chat in the browser (Ana on node A, Ben on node B, Dora behind the load balancer).</summary>
    public string Ana { get; private set; } = "";

    public string Ben { get; private set; } = "";

    public string Dora { get; private set; } = "";

    /// <summary>A script's token (its user keeps the default limits).</summary>
    public string BotToken { get; private set; } = "";

    /// <summary>Carl, to be locked, and the token of his script.</summary>
    public string Carl { get; private set; } = "";

    public string CarlsToken { get; private set; } = "";

    /// <summary>The token of a user allowed 3 messages a minute.</summary>
    public string ThreePerMinuteToken { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _nodes = await TwoNodes.CreateAsync();
        // The command lines are independent processes: run them side by side.
        var users = await Task.WhenAll(new[] { "ana", "ben", "dora", "bot", "carl", "limited" }.Select(name => Nodes.CreateUserAsync(name, Roles.Staff, ct)));
        (Ana, Ben, Dora, Carl) = (users[0], users[1], users[2], users[4]);
        var tokens = await Task.WhenAll(Nodes.CreateTokenAsync(users[3], ct), Nodes.CreateTokenAsync(Carl, ct), Nodes.CreateTokenAsync(users[5], ct));
        (BotToken, CarlsToken, ThreePerMinuteToken) = (tokens[0], tokens[1], tokens[2]);
        await Nodes.SetLimitsAsync(users[5], ["--messages-per-minute", "3"], ct);
        await Nodes.StartNodesAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_nodes is not null)
        {
            await _nodes.DisposeAsync();
        }
    }
}

[CollectionDefinition(SharedTwoNodes.Collection)]
public sealed class SharedTwoNodesCollection : ICollectionFixture<SharedTwoNodes>;
