using Microsoft.AspNetCore.Identity;

namespace RealtimeApp.Web.Data;

public class ApplicationUser : IdentityUser
{
    public bool PrefersDarkMode { get; set; }
}
