using MongoDB.Driver.GridFS;

namespace Collector.Storage.MongoDb;

/// <summary>The verifier's check of an artifact's stored form in GridFS (public so it can be tested without a server).</summary>
public static class MongoStoredForm
{
    /// <summary>
    /// An artifact whose content re-hashed right, checked against the stored form its record was sealed with: the GridFS
    /// length and the <c>metadata.storedSha256</c> written at upload (older uploads without it: the length only).
    /// </summary>
    public static ArtifactCheck Check(ArtifactCheck check, GridFSFileInfo file, long actualLength, string actualSha)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length != actualLength)
        {
            return check with { State = ArtifactState.Altered, Detail = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"stored length {file.Length} bytes, GridFS chunks hold {actualLength}") };
        }

        var sealedSha = file.Metadata is { } md && md.TryGetValue("storedSha256", out var v) && v.IsString ? v.AsString : null;
        return sealedSha is not null && !string.Equals(sealedSha, actualSha, StringComparison.Ordinal)
            ? check with { State = ArtifactState.Altered, Detail = $"stored bytes changed: expected sha256 {sealedSha}, actual {actualSha}" }
            : check;
    }
}
