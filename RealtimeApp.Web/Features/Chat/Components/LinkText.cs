using System.Text.RegularExpressions;

namespace RealtimeApp.Web.Features.Chat.Components;

/// <summary>Splits text into plain runs and http(s) links, so links can be made clickable without rendering HTML.</summary>
public static partial class LinkText
{
    public readonly record struct Part(string Text, bool IsLink);

    public static IEnumerable<Part> Split(string text)
    {
        var position = 0;
        foreach (Match match in Url().Matches(text ?? ""))
        {
            if (match.Index > position)
            {
                yield return new Part(text![position..match.Index], IsLink: false);
            }

            yield return new Part(match.Value, IsLink: true);
            position = match.Index + match.Length;
        }

        if (position < (text?.Length ?? 0))
        {
            yield return new Part(text![position..], IsLink: false);
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""']+[^\s<>""'.,;:!?)\]]", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
