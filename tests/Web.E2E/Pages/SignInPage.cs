using Microsoft.Playwright;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Pages;

/// <summary>/account/login: user name, password, and the demo hint when the demo account is in force.</summary>
public sealed class SignInPage(IPage page)
{
    public const string Path = "/account/login";

    public ILocator UserName => page.GetByLabel("User name", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    public ILocator DemoCredentials => page.GetByTestId("demo-credentials");

    public ILocator Error => page.GetByTestId("login-error");

    /// <summary>True when the browser shows the sign-in page (whatever return address it carries).</summary>
    public bool IsShown => new Uri(page.Url).AbsolutePath == Path;

    /// <summary>The local address sign-in will return to, decoded; null when none.</summary>
    public string? ReturnUrl =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(page.Url).Query).TryGetValue("returnUrl", out var value)
            ? value.ToString()
            : null;

    public async Task<IResponse?> OpenAsync() => await page.GotoAsync(Path.TrimStart('/'));

    /// <summary>Types the credentials and submits; the response of the page the browser lands on.</summary>
    public async Task<IResponse> SignInAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        return await page.RunAndWaitForPageAsync(() => SubmitButton.ClickAsync());
    }
}
