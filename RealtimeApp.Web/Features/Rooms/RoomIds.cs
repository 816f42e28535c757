using System.Text;

namespace RealtimeApp.Web.Features.Rooms;

/// <summary>Stable, URL- and API-friendly room ids made from the name at creation ("Release Train!" → "release-train").</summary>
public static class RoomIds
{
    public const int MaxLength = 48;

    public static string FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        var slug = new StringBuilder(name.Length);
        foreach (var character in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                slug.Append(character);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var id = slug.ToString().Trim('-');
        id = id.Length > MaxLength ? id[..MaxLength].TrimEnd('-') : id;
        return id.Length == 0 ? "room" : id;
    }

    /// <summary>The first of <c>id</c>, <c>id-2</c>, <c>id-3</c>, … that is not taken.</summary>
    public static string Unique(string id, IReadOnlySet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);

        if (!taken.Contains(id))
        {
            return id;
        }

        for (var suffix = 2; ; suffix++)
        {
            var candidate = $"{id}-{suffix}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
