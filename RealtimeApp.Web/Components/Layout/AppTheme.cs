using MudBlazor;

namespace RealtimeApp.Web.Components.Layout;

/// <summary>
/// The app's palette and type, with system fonts only (no web fonts are fetched). Every colour meets WCAG AA (4.5:1)
/// both as text on the page and as a filled background under its contrast text: MudBlazor's defaults do not (white on
/// its success green is 2.3:1), so each one is set. In dark mode the colours are light and their contrast text dark.
/// </summary>
public static class AppTheme
{
    private const string DarkText = "rgba(0,0,0,0.87)";

    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b6ec2",
            AppbarBackground = "#1b6ec2",
            Secondary = "#c2185b",
            Info = "#0277bd",
            Success = "#2e7d32",
            Warning = "#a15c00",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea8fe",
            PrimaryContrastText = DarkText,
            Secondary = "#f48fb1",
            SecondaryContrastText = DarkText,
            Info = "#64b5f6",
            InfoContrastText = DarkText,
            Success = "#66bb6a",
            SuccessContrastText = DarkText,
            Warning = "#ffb74d",
            WarningContrastText = DarkText,
            Error = "#ff8a80",
            ErrorContrastText = DarkText,
            TextPrimary = "rgba(255,255,255,0.87)",
            TextSecondary = "rgba(255,255,255,0.70)",
        },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = SystemFonts } },
    };
}
