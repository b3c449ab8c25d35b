using Collector.Storage.MongoDb;
using MongoDB.Bson;
using MongoDB.Driver.GridFS;

namespace Collector.Storage.Tests;

/// <summary>
/// The MongoDB verifier's check of an artifact's stored form (what can be tested without a server): the GridFS bytes
/// read back against the length and <c>metadata.storedSha256</c> written at upload.
/// </summary>
public sealed class MongoStoredFormTests
{
    private const string Content = "aa11";
    private const string Stored = "bb22";
    private static readonly ArtifactCheck Rehashed = new(Content, ArtifactState.Ok, Content, "gridfs artifacts/" + Content) { Length = 300 };

    [Fact]
    public void StoredFormCheck_SameLengthAndHash_Ok()
    {
        var check = MongoStoredForm.Check(Rehashed, File(120, Stored), 120, Stored);

        Assert.Equal(ArtifactState.Ok, check.State);
    }

    [Fact]
    public void StoredFormCheck_ByteAppendedToChunks_AlteredNamingBothLengths()
    {
        var check = MongoStoredForm.Check(Rehashed, File(120, Stored), 121, "cc33");

        Assert.Equal(ArtifactState.Altered, check.State);
        Assert.Equal("stored length 120 bytes, GridFS chunks hold 121", check.Detail);
    }

    [Fact]
    public void StoredFormCheck_StoredBytesRewrittenSameLength_AlteredNamingBothHashes()
    {
        var check = MongoStoredForm.Check(Rehashed, File(120, Stored), 120, "cc33");

        Assert.Equal(ArtifactState.Altered, check.State);
        Assert.Equal($"stored bytes changed: expected sha256 {Stored}, actual cc33", check.Detail);
    }

    [Fact]
    public void StoredFormCheck_UploadWithoutStoredHash_LengthOnly()
    {
        Assert.Equal(ArtifactState.Ok, MongoStoredForm.Check(Rehashed, File(120, null), 120, "cc33").State);
        Assert.Equal(ArtifactState.Altered, MongoStoredForm.Check(Rehashed, File(120, null), 119, "cc33").State);
    }

    private static GridFSFileInfo File(long length, string? storedSha)
    {
        var metadata = new BsonDocument { { "kind", "raw" }, { "length", 300 }, { "encoding", "gzip" } };
        if (storedSha is not null)
        {
            metadata["storedSha256"] = storedSha;
        }

        return new GridFSFileInfo(new BsonDocument
        {
            { "_id", ObjectId.GenerateNewId() }, { "filename", Content }, { "length", length }, { "chunkSize", 261120 },
            { "uploadDate", new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc) }, { "metadata", metadata },
        });
    }
}
