using Collector.Simulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace Collector.Simulator.Sites;

/// <summary>The image host (like i.pinimg.com): <c>/{originals|736x|236x}/ab/cd/ef/&lt;hash&gt;.png</c> answers the PNG bytes.</summary>
public sealed class MediaSite(SimContext sim) : ISimSite
{
    public SimPlatform Platform => SimPlatform.Media;

    public string Robots => "User-agent: *\nAllow: /\n";

    public async Task HandleAsync(HttpContext context)
    {
        var s = HttpWrite.Segments(context);
        if (s is [_, _, _, _, var file] && file.EndsWith(".png", StringComparison.Ordinal)
            && sim.World.Images.TryResolve(file[..^4], out var imageId))
        {
            var bytes = sim.World.Images.Png(imageId);
            context.Response.ContentType = "image/png";
            context.Response.ContentLength = bytes.Length;
            context.Response.Headers.CacheControl = "public, max-age=31536000";
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            return;
        }

        await HttpWrite.NotFoundHtml(context);
    }
}
