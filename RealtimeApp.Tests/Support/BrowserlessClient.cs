using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RealtimeApp.Tests.Support;

/// <summary>Drives the static Identity forms over HTTP the way a browser would: GET the form, post it back with its antiforgery token.</summary>
public sealed partial class BrowserlessClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static BrowserlessClient For(RealtimeAppFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<HttpResponseMessage> LogInAsync(string email, string password) =>
        await SubmitFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    public async Task LogInSuccessfullyAsync(string email, string password)
    {
        var response = await LogInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Log-in of {email} failed: {(int)response.StatusCode}");
        }
    }

    /// <summary>Posts the app bar's log-out form, taking its antiforgery token from the rendered start page.</summary>
    public async Task<HttpResponseMessage> LogOutAsync()
    {
        var page = await Http.GetStringAsync("/");
        var token = AntiforgeryToken().Match(page);
        return await Http.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["ReturnUrl"] = "Account/Login",
        }));
    }

    /// <summary>Loads <paramref name="path"/>, then posts the form named <paramref name="formName"/> with the given fields.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string path, string formName, Dictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {path}.");
        }

        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        fields["_handler"] = formName;
        return await Http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
