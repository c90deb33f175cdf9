using Microsoft.Playwright;

// Usage: IsatapPlatform.SwaggerUiCheck <base-url> <screenshot.png> [chromium-path]
// Uses the machine's Chromium (Debian package) instead of Playwright's own browser download, which
// the CI network does not allow.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: IsatapPlatform.SwaggerUiCheck <base-url> <screenshot.png> [chromium-path]");
    return 2;
}
string baseUrl = args[0].TrimEnd('/');
string screenshot = Path.GetFullPath(args[1]);
string chromium = args.Length > 2 ? args[2] : "/usr/bin/chromium";

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = chromium,
    Headless = true,
    // Without the background-networking flags Chromium keeps dialling Google services, which the
    // sandboxed network refuses.
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"],
});
var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1400 } });
page.SetDefaultTimeout(30_000);

await page.GotoAsync($"{baseUrl}/swagger/index.html");
var operation = page.Locator(".opblock.opblock-post").Filter(new() { Has = page.Locator(".opblock-summary-path[data-path='/api/v1/nat64/derive']") });
await operation.Locator(".opblock-summary").First.ClickAsync();
await operation.Locator("button.try-out__btn").ClickAsync();
await operation.Locator("button.execute").ClickAsync();

var status = operation.Locator(".live-responses-table .response .response-col_status").First;
await status.WaitForAsync();
string code = (await status.InnerTextAsync()).Trim();
string body = await operation.Locator(".live-responses-table .response-col_description pre").First.InnerTextAsync();
await operation.ScrollIntoViewIfNeededAsync();
Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });

Console.WriteLine($"Try it out: POST /api/v1/nat64/derive -> {code}");
Console.WriteLine(body);
Console.WriteLine($"screenshot: {screenshot}");
if (code != "200" || !body.Contains("\"ipv6\"", StringComparison.Ordinal))
{
    Console.Error.WriteLine("expected 200 with an ipv6 field");
    return 1;
}
return 0;
