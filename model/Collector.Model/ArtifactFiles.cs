namespace Collector.Model;

/// <summary>How an artifact is named when written out as a file (a case bundle, the report's evidence folder).</summary>
public static class ArtifactFiles
{
    /// <summary>The file extension for an artifact's content type, else for its kind (<see cref="ArtifactKinds"/>); ".bin" when neither says.</summary>
    public static string Extension(string? contentType, string kind)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "text/html" or "application/xhtml+xml" => ".html",
            "application/json" or "text/json" => ".json",
            "image/png" => ".png",
            "image/jpeg" => ".jpg",
            "image/gif" => ".gif",
            "image/webp" => ".webp",
            "video/mp4" => ".mp4",
            "text/plain" => ".txt",
            "application/xml" or "text/xml" => ".xml",
            _ => kind switch
            {
                ArtifactKinds.Screenshot => ".png",
                ArtifactKinds.Dom => ".html",
                ArtifactKinds.Network => ".json",
                _ => ".bin",
            },
        };
    }
}
