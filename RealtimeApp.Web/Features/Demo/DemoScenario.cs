namespace RealtimeApp.Web.Features.Demo;

/// <summary>What the demo agents work on and how their failures read.</summary>
public static class DemoScenario
{
    private static readonly string[] Names = ["Demo builder", "Demo deployer", "Demo indexer", "Demo backup", "Demo crawler"];

    private static readonly string[] Titles =
    [
        "Build web app", "Deploy to staging", "Nightly backup", "Reindex search", "Run integration tests", "Resize images",
        "Import customer data", "Rotate logs",
    ];

    private static readonly (string Error, string Details)[] Failures =
    [
        ("Connection to the build cache timed out", "System.TimeoutException: The operation has timed out after 30 s.\n   at Cache.FetchAsync(String key)\n   at Build.RestoreAsync()"),
        ("3 integration tests failed", "OrdersTests.Checkout_ChargesOnce: expected 1 charge, found 2\nOrdersTests.Refund_Restocks: timeout\nUsersTests.Login_LocksOut: expected 423, got 200"),
        ("Disk full on /var/backups", "IOException: No space left on device (28)\n   at Backup.WriteChunk(Int64 offset)"),
    ];

    public static string AgentName(int index) => index < Names.Length ? Names[index] : $"Demo agent {index + 1}";

    public static string TaskTitle(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return $"{Titles[random.Next(Titles.Length)]} #{random.Next(100, 1000)}";
    }

    public static (string Error, string Details) Failure(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Failures[random.Next(Failures.Length)];
    }
}
