namespace RealtimeApp.Tests.Support;

/// <summary>
/// Tests that read <c>/metrics</c> run alone: meters are found by name across the whole process, so another test's
/// app running at the same time would be exported too and blur the figures being checked.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
