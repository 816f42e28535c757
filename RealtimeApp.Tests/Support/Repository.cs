namespace RealtimeApp.Tests.Support;

/// <summary>The repository the tests were built from (the folder holding RealtimeApp.sln), for tests of its files as users get them.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RealtimeApp.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No RealtimeApp.sln above {AppContext.BaseDirectory}.");
    }
}
