namespace IsatapPlatform.Api.Tests.Hostile;

/// <summary>One generated request: what to send and which endpoint family it aims at (for coverage counts).</summary>
/// <param name="Target">The endpoint (or "random path") the request aims at.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Url">A relative URL, already percent-encoded.</param>
/// <param name="Body">The body bytes, or null for none.</param>
/// <param name="ContentType">The raw Content-Type header value, or null for none.</param>
public sealed record HostileRequest(string Target, string Method, string Url, byte[]? Body, string? ContentType)
{
    /// <summary>A short description for failure messages (the body is cut short).</summary>
    public override string ToString()
    {
        string body = Body is null ? "(no body)" : Body.Length <= 120
            ? System.Text.Encoding.UTF8.GetString(Body)
            : $"{System.Text.Encoding.UTF8.GetString(Body, 0, 120)}... ({Body.Length} bytes)";
        string url = Url.Length <= 200 ? Url : Url[..200] + "...";
        return $"{Method} {url} [{ContentType ?? "no content type"}] {body}";
    }
}
