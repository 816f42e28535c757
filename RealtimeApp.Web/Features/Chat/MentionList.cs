namespace RealtimeApp.Web.Features.Chat;

/// <summary>Mentioned user ids, stored space-separated on the message row.</summary>
public static class MentionList
{
    public static IReadOnlyList<string> Parse(string stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string Format(IEnumerable<string> userIds) => string.Join(' ', userIds.Distinct(StringComparer.Ordinal));
}
