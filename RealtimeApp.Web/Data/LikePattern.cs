namespace RealtimeApp.Web.Data;

/// <summary>SQL LIKE patterns from user text, with <c>%</c>, <c>_</c> and the escape character taken literally.</summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Contains(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var escaped = text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }
}
