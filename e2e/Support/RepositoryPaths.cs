namespace RealtimeApp.E2E.Support;

internal static class RepositoryPaths
{
    /// <summary>The folder holding RealtimeApp.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Where screenshots and other artefacts for people to look at are written (git-ignored).</summary>
    public static string TestOutput => Directory.CreateDirectory(Path.Combine(Root, "test-output")).FullName;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RealtimeApp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"RealtimeApp.sln not found above {AppContext.BaseDirectory}.");
    }
}
