using System.Text.RegularExpressions;

namespace RealtimeApp.Tests.Architecture;

/// <summary>The feature map in docs/architecture.md names exactly the feature folders the code has.</summary>
public sealed partial class FeatureMapTests
{
    [Fact]
    public void FeatureMap_ListsExactlyTheFeatureFolders_WhenDocsAreCurrent()
    {
        var documented = DocumentedFeatures();

        var features = AppArchitecture.FeatureNames().Select(row => row.Data).ToList();

        documented.ShouldBe(features, ignoreOrder: true,
            "docs/architecture.md's feature map must have one row per folder under Features/: add, rename or remove the row");
    }

    private static List<string> DocumentedFeatures()
    {
        var doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Architecture", "architecture.md"));
        var map = doc[doc.IndexOf("### Feature map", StringComparison.Ordinal)..];
        map = map[..map.IndexOf("\n## ", StringComparison.Ordinal)];
        return FeatureRow().Matches(map).Select(match => match.Groups[1].Value).ToList();
    }

    [GeneratedRegex(@"^\| (\w+) \| (?!Owns)", RegexOptions.Multiline)]
    private static partial Regex FeatureRow();
}
