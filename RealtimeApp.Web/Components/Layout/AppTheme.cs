using MudBlazor;

namespace RealtimeApp.Web.Components.Layout;

/// <summary>The app's palette and type, with system fonts only (no web fonts are fetched).</summary>
public static class AppTheme
{
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1b6ec2", AppbarBackground = "#1b6ec2" },
        PaletteDark = new PaletteDark { Primary = "#6ea8fe" },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = SystemFonts } },
    };
}
