namespace RealtimeApp.Web.Realtime.Backplane;

/// <summary>The <c>Realtime</c> section: which bus carries events between nodes.</summary>
public sealed class BackplaneOptions
{
    public const string Section = "Realtime";

    /// <summary><c>InMemory</c> (one node, the default) or <c>Redis</c> (<c>ConnectionStrings:Redis</c>), for several nodes.</summary>
    public BackplaneKind Backplane { get; set; } = BackplaneKind.InMemory;

    /// <summary>
    /// How many nodes the operator runs on this database (default 1). More than one needs the Redis backplane: with the
    /// in-memory bus the nodes would not see each other's messages, so such a node refuses to start.
    /// </summary>
    public int Nodes { get; set; } = 1;

    /// <summary>The Redis pub/sub channel the nodes share; nodes of different deployments on one Redis use different ones.</summary>
    public string RedisChannel { get; set; } = "realtimeapp:events";
}

public enum BackplaneKind
{
    InMemory,
    Redis,
}
