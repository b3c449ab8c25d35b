using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Collector.Storage.MongoDb;

// The documents of each collection. Times are UTC ticks (Int64) so that they round-trip exactly (BSON dates keep
// milliseconds only, and custody hashes cover the full time). Posts and versions keep the post as Collector JSON.
// Every _id is a natural key, so a retried write (upsert, insert of the same id) never duplicates.

/// <summary>posts: one per (platform, id); _id "platform:id".</summary>
[BsonIgnoreExtraElements]
public sealed class PostDoc
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("platform")] public string Platform { get; set; } = "";
    [BsonElement("postId")] public string PostId { get; set; } = "";
    [BsonElement("firstSeen")] public long FirstSeen { get; set; }
    [BsonElement("lastSeen")] public long LastSeen { get; set; }
    [BsonElement("publishedAt")] public long? PublishedAt { get; set; }
    [BsonElement("versionCount")] public int VersionCount { get; set; }
    [BsonElement("latestHash")] public string LatestHash { get; set; } = "";
    [BsonElement("urlKey")] public string? UrlKey { get; set; }
    [BsonElement("imported")] public bool Imported { get; set; }
    [BsonElement("sources")] public List<string> Sources { get; set; } = [];
    [BsonElement("title")] public string? Title { get; set; }
    [BsonElement("text")] public string? Text { get; set; }
    [BsonElement("json")] public string Json { get; set; } = "";
    [BsonElement("metrics")] public MetricsDoc? Metrics { get; set; }
    [BsonElement("metricsAt")] public long MetricsAt { get; set; }
    [BsonElement("tombstone")] public TombstoneDoc? Tombstone { get; set; }

    // For browsing (`collector serve`), from the latest version: see MongoBrowse.
    [BsonElement("community")] public string? Community { get; set; }
    [BsonElement("authorKeys")] public List<string>? AuthorKeys { get; set; }
    [BsonElement("sortPublished")] public long? SortPublished { get; set; }
}

[BsonIgnoreExtraElements]
public sealed class TombstoneDoc
{
    [BsonElement("reason")] public string Reason { get; set; } = "";
    [BsonElement("at")] public long At { get; set; }
    [BsonElement("captureId")] public string CaptureId { get; set; } = "";
}

[BsonIgnoreExtraElements]
public sealed class MetricsDoc
{
    [BsonElement("likes")] public long? Likes { get; set; }
    [BsonElement("comments")] public long? Comments { get; set; }
    [BsonElement("shares")] public long? Shares { get; set; }
    [BsonElement("views")] public long? Views { get; set; }
    [BsonElement("score")] public long? Score { get; set; }
}

/// <summary>versions: _id "platform:id#number".</summary>
[BsonIgnoreExtraElements]
public sealed class VersionDoc
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("post")] public string PostKey { get; set; } = "";
    [BsonElement("number")] public int Number { get; set; }
    [BsonElement("contentHash")] public string ContentHash { get; set; } = "";
    [BsonElement("firstSeen")] public long FirstSeen { get; set; }
    [BsonElement("captureId")] public string? CaptureId { get; set; }
    [BsonElement("json")] public string Json { get; set; } = "";
    [BsonElement("changes")] public string? Changes { get; set; }
}

/// <summary>observations: _id "captureId|platform:id" (imports: "import|platform:id#version").</summary>
[BsonIgnoreExtraElements]
public sealed class ObservationDoc
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("post")] public string PostKey { get; set; } = "";
    [BsonElement("at")] public long At { get; set; }
    [BsonElement("captureId")] public string? CaptureId { get; set; }
    [BsonElement("ordinal")] public int Ordinal { get; set; }
    [BsonElement("version")] public int Version { get; set; }
    [BsonElement("changed")] public bool Changed { get; set; }
    [BsonElement("metrics")] public MetricsDoc Metrics { get; set; } = new();
}

/// <summary>captures: _id the capture id; written last, so its presence means the capture is fully recorded.</summary>
[BsonIgnoreExtraElements]
public sealed class CaptureDoc
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("fetchedAt")] public long FetchedAt { get; set; }
    [BsonElement("requestUrl")] public string RequestUrl { get; set; } = "";
    [BsonElement("finalUrl")] public string FinalUrl { get; set; } = "";
    [BsonElement("outcome")] public string Outcome { get; set; } = "";
    [BsonElement("platform")] public string? Platform { get; set; }
    [BsonElement("source")] public string? Source { get; set; }
    [BsonElement("runId")] public string? RunId { get; set; }
    [BsonElement("json")] public string Json { get; set; } = "";
    [BsonElement("newPosts")] public int NewPosts { get; set; }
    [BsonElement("changedPosts")] public int ChangedPosts { get; set; }
    [BsonElement("unchangedPosts")] public int UnchangedPosts { get; set; }
    [BsonElement("tombstoned")] public int Tombstoned { get; set; }
}

/// <summary>runs: _id the run id.</summary>
[BsonIgnoreExtraElements]
public sealed class RunDoc
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("source")] public string Source { get; set; } = "";
    [BsonElement("startedAt")] public long StartedAt { get; set; }
    [BsonElement("json")] public string Json { get; set; } = "";

    /// <summary>host|pid|process start of the process running it (<see cref="RunLog.CurrentOwner"/>); null once it ended.</summary>
    [BsonElement("owner"), BsonIgnoreIfNull] public string? Owner { get; set; }

    /// <summary>The run's outcome (also inside the JSON), for finding the runs still running.</summary>
    [BsonElement("outcome")] public string Outcome { get; set; } = "";
}

/// <summary>queue: _id "crawlId|uniqueKey".</summary>
[BsonIgnoreExtraElements]
public sealed class QueueDoc
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("crawlId")] public string CrawlId { get; set; } = "";
    [BsonElement("uniqueKey")] public string UniqueKey { get; set; } = "";
    [BsonElement("url")] public string Url { get; set; } = "";
    [BsonElement("label")] public string? Label { get; set; }
    [BsonElement("depth")] public int Depth { get; set; }
    [BsonElement("parentUrl")] public string? ParentUrl { get; set; }
    [BsonElement("render")] public string? Render { get; set; }
    [BsonElement("priority")] public int Priority { get; set; }
    [BsonElement("seq")] public long Seq { get; set; }
    [BsonElement("state")] public string State { get; set; } = "pending";
    [BsonElement("attempt")] public int Attempt { get; set; }
    [BsonElement("leaseToken")] public string? LeaseToken { get; set; }
    [BsonElement("leaseExpires")] public long? LeaseExpires { get; set; }
    [BsonElement("notBefore")] public long NotBefore { get; set; }
    [BsonElement("error")] public string? Error { get; set; }
    [BsonElement("outcome")] public string? Outcome { get; set; }
}

/// <summary>custody: _id the sequence number (a unique key: two appenders can never both write entry N).</summary>
[BsonIgnoreExtraElements]
public sealed class CustodyDoc
{
    [BsonId] public long Sequence { get; set; }
    [BsonElement("at")] public long At { get; set; }
    [BsonElement("action")] public string Action { get; set; } = "";
    [BsonElement("subject")] public string Subject { get; set; } = "";
    [BsonElement("artifactHashes")] public List<string> ArtifactHashes { get; set; } = [];
    [BsonElement("toolVersion")] public string ToolVersion { get; set; } = "";
    [BsonElement("configHash")] public string? ConfigHash { get; set; }
    [BsonElement("host")] public string Host { get; set; } = "";
    [BsonElement("detail")] public string? Detail { get; set; }
    [BsonElement("previousHash")] public string PreviousHash { get; set; } = "";
    [BsonElement("hash")] public string Hash { get; set; } = "";

    /// <summary>[table, key, hash] of every record the entry sealed (absent on entries that seal nothing).</summary>
    [BsonElement("seals"), BsonIgnoreIfNull] public List<string[]>? Seals { get; set; }

    /// <summary>The capture id of a capture entry: a unique key, so that one capture can never be logged twice.</summary>
    [BsonElement("capture"), BsonIgnoreIfNull] public string? Capture { get; set; }
}

/// <summary>capture_claims: _id the capture id; who is recording it (a worker claims a capture before writing any of it).</summary>
[BsonIgnoreExtraElements]
public sealed class CaptureClaimDoc
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("token")] public string Token { get; set; } = "";
    [BsonElement("at")] public long At { get; set; }
}

/// <summary>artifact_urls: which artifact came from which URL (media matching); _id "url|sha256".</summary>
[BsonIgnoreExtraElements]
public sealed class ArtifactUrlDoc
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("url")] public string Url { get; set; } = "";
    [BsonElement("sha256")] public string Sha256 { get; set; } = "";
    [BsonElement("kind")] public string Kind { get; set; } = "";
    [BsonElement("length")] public long Length { get; set; }
    [BsonElement("contentType")] public string? ContentType { get; set; }
}

/// <summary>GridFS metadata of an artifact file (the file's name is its SHA-256).</summary>
public sealed class ArtifactMetadata
{
    public static BsonDocument ToBson(string kind, long length, string? contentType, string encoding) => new()
    {
        { "kind", kind },
        { "length", length },
        { "contentType", contentType is null ? BsonNull.Value : new BsonString(contentType) },
        { "encoding", encoding },
    };
}
