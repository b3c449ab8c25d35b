using Collector.Model;
using Collector.Web.Security;

namespace Collector.Web.Artifacts;

/// <summary>What content type each kind of archived bytes is shown as: HTML only as HTML in a sandbox, the raw response as text.</summary>
public static class ArtifactTypes
{
    public static string For(ArtifactRef artifact) => artifact.Kind switch
    {
        ArtifactKinds.Dom => "text/html",
        ArtifactKinds.Raw => "text/plain",
        ArtifactKinds.Network or ArtifactKinds.Manifest => "application/json",
        ArtifactKinds.Screenshot => Served(artifact.ContentType) ?? "image/png",
        _ => Served(artifact.ContentType) ?? "application/octet-stream",
    };

    public static bool IsImage(string type) => type.StartsWith("image/", StringComparison.Ordinal);

    private static string? Served(string? contentType)
    {
        var t = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return t is not null && ArtifactLinks.ServedTypes.Contains(t) && t != "text/html" ? t : null;
    }
}
