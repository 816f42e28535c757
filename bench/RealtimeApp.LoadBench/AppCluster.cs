namespace RealtimeApp.LoadBench;

/// <summary>
/// The app nodes a run talks to, and the bench user's token: one node on its own SQLite file, or the nodes of
/// <see cref="ClusterSettings"/> on one fresh PostgreSQL database and one Redis channel of their own. Disposing stops
/// every node, then drops the database.
/// </summary>
public sealed class AppCluster : IAsyncDisposable
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(30);

    private readonly List<AppProcess> _nodes = [];
    private BenchDatabase? _database;

    private AppCluster()
    {
    }

    /// <summary>The nodes, A first: the one that migrated the database, and the one publishers use.</summary>
    public IReadOnlyList<AppProcess> Nodes => _nodes;

    public string Token { get; private set; } = "";

    public static string NodeName(int index) => ((char)('A' + index)).ToString();

    public static async Task<AppCluster> StartAsync(ClusterSettings? settings, int connections, CancellationToken ct)
    {
        var cluster = new AppCluster();
        try
        {
            if (settings is null)
            {
                var (app, token) = await AppProcess.StartWithBenchUserAsync(connections, ct);
                cluster._nodes.Add(app);
                cluster.Token = token;
            }
            else
            {
                await cluster.StartSharedAsync(settings, connections, ct);
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var node in _nodes)
            {
                await node.DisposeAsync();
            }
        }
        finally
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }

    private async Task StartSharedAsync(ClusterSettings settings, int connections, CancellationToken ct)
    {
        _database = await BenchDatabase.CreateAsync(settings.Postgres, ct);
        var nodeSettings = settings.NodeSettings(_database.ConnectionString, $"loadbench:{Guid.NewGuid():N}");
        for (var i = 0; i < settings.Nodes; i++)
        {
            var node = AppProcess.With(nodeSettings, NodeName(i));
            _nodes.Add(node);
            if (i == 0)
            {
                // The command line migrates the fresh database; the nodes then find it ready.
                Token = await BenchUser.PrepareAsync(node, connections, ct);
            }

            await node.StartServerAsync(ct);
        }

        await WaitUntilHealthyAsync(ct);
    }

    /// <summary>A node starts even while Redis is unreachable; <c>/healthz</c> says whether it reaches both servers.</summary>
    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(HealthTimeout);
        for (var i = 0; i < _nodes.Count; i++)
        {
            var answer = "";
            try
            {
                while (true)
                {
                    using var response = await http.GetAsync(new Uri(_nodes[i].BaseAddress, "/healthz"), deadline.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }

                    answer = await response.Content.ReadAsStringAsync(deadline.Token);
                    await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token);
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new InvalidOperationException($"Node {NodeName(i)} was not healthy within {HealthTimeout.TotalSeconds:0} s: {answer.ReplaceLineEndings(" ")}");
            }
        }
    }
}
