using Microsoft.AspNetCore.Http;

namespace Collector.Web.Security;

/// <summary>The headers of every response of each origin.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// UI pages: only the UI's own stylesheet and script; images and frames only from the artifact origin (and data:);
    /// forms post only to itself; no page may frame the UI.
    /// </summary>
    public static void ForUi(HttpContext context, ArtifactLinks links)
    {
        var artifacts = links.Origin(context.Request.Host.Value ?? "127.0.0.1");
        var h = context.Response.Headers;
        h.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data: {artifacts}; media-src {artifacts}; " +
            $"frame-src {artifacts}; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        Common(h);
        h.XFrameOptions = "DENY";
    }

    /// <summary>
    /// Archived bytes: a sandbox (opaque origin, no scripts, no forms, no top navigation), nothing fetched but inline
    /// styles and data: images, framed only by the UI.
    /// </summary>
    public static void ForArtifact(HttpContext context, ArtifactLinks links)
    {
        var ui = links.UiOrigin(context.Request.Host.Value ?? "127.0.0.1");
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = $"sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; media-src 'self'; frame-ancestors {ui}";
        Common(h);
        // The UI embeds these from another port; Chromium does not count two ports of one IP address as one site
        // (ERR_BLOCKED_BY_RESPONSE.NotSameSite), so "same-site" would block the UI's own images. Links are signed and unguessable.
        h["Cross-Origin-Resource-Policy"] = "cross-origin";
    }

    private static void Common(IHeaderDictionary h)
    {
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        h.CacheControl = "no-store";
    }
}
