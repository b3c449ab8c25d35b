using Collector.Model;

namespace Collector.Storage.MongoDb;

/// <summary>Between the archive's records and the documents (pure functions; tested by BSON round-trips).</summary>
public static class MongoMapping
{
    public static string PostId(PostKey key) => key.Platform + ":" + key.Id;

    public static string VersionId(string postKey, int number) => postKey + "#" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static MetricsDoc ToDoc(Metrics m) => new() { Likes = m.Likes, Comments = m.Comments, Shares = m.Shares, Views = m.Views, Score = m.Score };

    public static Metrics FromDoc(MetricsDoc? m) => m is null
        ? Metrics.Unknown
        : new Metrics { Likes = m.Likes, Comments = m.Comments, Shares = m.Shares, Views = m.Views, Score = m.Score };

    public static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    public static Tombstone? FromDoc(TombstoneDoc? t) => t is null ? null : new Tombstone { Reason = t.Reason, At = Time(t.At), CaptureId = t.CaptureId };

    public static ArchivedPost ToArchived(PostDoc d, IReadOnlyList<ArtifactRef> media)
    {
        var post = CollectorJson.Deserialize<Post>(d.Json)!;
        return ToArchived(d, d.Metrics is null ? post : post with { Metrics = FromDoc(d.Metrics) }, media);
    }

    private static ArchivedPost ToArchived(PostDoc d, Post post, IReadOnlyList<ArtifactRef> media) => new()
    {
        Post = post,
        FirstSeen = Time(d.FirstSeen),
        LastSeen = Time(d.LastSeen),
        VersionCount = d.VersionCount,
        Imported = d.Imported,
        Tombstone = FromDoc(d.Tombstone),
        Sources = d.Sources,
        MediaArtifacts = media,
    };

    public static PostVersion ToVersion(VersionDoc v) => new()
    {
        Number = v.Number,
        ContentHash = v.ContentHash,
        Post = CollectorJson.Deserialize<Post>(v.Json)!,
        FirstSeen = Time(v.FirstSeen),
        CaptureId = v.CaptureId,
        Changes = v.Changes is null ? [] : CollectorJson.Deserialize<List<FieldChange>>(v.Changes)!,
    };

    public static Observation ToObservation(ObservationDoc o) => new()
    {
        At = Time(o.At), CaptureId = o.CaptureId, Version = o.Version, Changed = o.Changed, Metrics = FromDoc(o.Metrics),
    };

    public static CustodyDoc ToDoc(CustodyEntry e) => new()
    {
        Sequence = e.Sequence, At = e.At.UtcTicks, Action = e.Action, Subject = e.Subject, ArtifactHashes = [.. e.ArtifactHashes],
        ToolVersion = e.ToolVersion, ConfigHash = e.ConfigHash, Host = e.Host, Detail = e.Detail, PreviousHash = e.PreviousHash, Hash = e.Hash,
        Seals = e.Seals?.Select(x => new[] { x.Table, x.Key, x.Hash }).ToList(), Capture = e.Action == "capture" ? e.Subject : null,
    };

    public static CustodyEntry FromDoc(CustodyDoc d) => new()
    {
        Sequence = d.Sequence, At = Time(d.At), Action = d.Action, Subject = d.Subject, ArtifactHashes = d.ArtifactHashes,
        ToolVersion = d.ToolVersion, ConfigHash = d.ConfigHash, Host = d.Host, Detail = d.Detail, PreviousHash = d.PreviousHash, Hash = d.Hash,
        Seals = d.Seals?.Select(x => new Seal(x[0], x[1], x[2])).ToList(),
    };

    public static QueueDoc ToDoc(string crawlId, QueueRequest q, long seq) => new()
    {
        Id = crawlId + "|" + q.UniqueKey, CrawlId = crawlId, UniqueKey = q.UniqueKey, Url = q.Url, Label = q.Label, Depth = q.Depth,
        ParentUrl = q.ParentUrl, Render = q.Render?.ToString(), Priority = q.Priority, Seq = seq, State = "pending",
    };

    public static QueueLease ToLease(QueueDoc d) => new()
    {
        CrawlId = d.CrawlId,
        Request = new QueueRequest
        {
            Url = d.Url, UniqueKey = d.UniqueKey, Label = d.Label, Depth = d.Depth, ParentUrl = d.ParentUrl,
            Render = d.Render is null ? null : Enum.Parse<RenderMode>(d.Render), Priority = d.Priority,
        },
        Attempt = d.Attempt,
        Token = d.LeaseToken ?? "",
        ExpiresAt = Time(d.LeaseExpires ?? 0),
    };

    public static CaptureDoc ToDoc(Capture c, CaptureReceipt r) => new()
    {
        Id = c.Id, FetchedAt = c.FetchedAt.UtcTicks, RequestUrl = c.RequestUrl, FinalUrl = c.FinalUrl, Outcome = c.Outcome.ToWire(),
        Platform = c.Platform, Source = c.Source, RunId = c.RunId, Json = CollectorJson.Serialize(c with { Posts = [] }),
        NewPosts = r.NewPosts, ChangedPosts = r.ChangedPosts, UnchangedPosts = r.UnchangedPosts, Tombstoned = r.Tombstoned,
    };

    public static CaptureReceipt ToReceipt(CaptureDoc d, bool duplicate) => new()
    {
        CaptureId = d.Id, NewPosts = d.NewPosts, ChangedPosts = d.ChangedPosts, UnchangedPosts = d.UnchangedPosts, Tombstoned = d.Tombstoned,
        Duplicate = duplicate,
    };

    public static RunDoc ToDoc(RunRecord r) => new() { Id = r.Id, Source = r.Source, StartedAt = r.StartedAt.UtcTicks, Json = CollectorJson.Serialize(r), Outcome = r.Outcome };

    public static Seal SealOf(CaptureDoc d) => RecordSeal.Capture(d.Id, d.FetchedAt, d.RequestUrl, d.FinalUrl, d.Outcome, d.Platform, d.Source, d.RunId, d.Json,
        d.NewPosts, d.ChangedPosts, d.UnchangedPosts, d.Tombstoned);

    public static Seal SealOf(VersionDoc v) => RecordSeal.Version(v.PostKey, v.Number, v.ContentHash, v.FirstSeen, v.CaptureId, v.Json, v.Changes);

    public static Seal SealOf(ObservationDoc o) => RecordSeal.Observation(o.PostKey, o.At, o.CaptureId, o.Ordinal, o.Version, o.Changed,
        o.Metrics.Likes, o.Metrics.Comments, o.Metrics.Shares, o.Metrics.Views, o.Metrics.Score);

    public static Seal SealOf(string post, TombstoneDoc t) => RecordSeal.Tombstone(post, t.Reason, t.At, t.CaptureId);

    public static RunRecord FromDoc(RunDoc d) => CollectorJson.Deserialize<RunRecord>(d.Json)!;
}
