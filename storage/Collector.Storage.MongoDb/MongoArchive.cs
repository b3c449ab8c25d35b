using Collector.Model;
using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>
/// The production archive on MongoDB: collections posts, versions, observations, captures, runs, queue, custody and
/// artifact_urls, with artifacts in GridFS. A capture is one unit of work (a transaction where the deployment allows);
/// the capture document is written last, so a capture id that is present was recorded completely.
/// </summary>
public sealed partial class MongoArchive : IArchive
{
    private const int ImportBatch = 500;
    private readonly MongoStore m;
    private readonly TimeProvider time;
    private readonly MongoCustodyLog custody;

    internal MongoArchive(string uri, MongoStore store, TimeProvider time)
    {
        Uri = uri;
        m = store;
        this.time = time;
        custody = new MongoCustodyLog(store, time);
        Artifacts = new MongoArtifactStore(store, time);
        Queue = new MongoRequestQueue(store, time);
        Runs = new MongoRunStore(store);
    }

    public string Uri { get; }

    /// <summary>True when units of work run as multi-document transactions (replica set or sharded cluster).</summary>
    public bool UsesTransactions => m.Transactions;

    public IArtifactStore Artifacts { get; }

    public ICustodyLog Custody => custody;

    public IRequestQueue Queue { get; }

    public IRunStore Runs { get; }

    public Task<CaptureReceipt> RecordCaptureAsync(Capture capture, CaptureContext context, CancellationToken cancellationToken = default) =>
        m.UnitAsync(async (s, ct) =>
        {
            var existing = await m.Captures.Find(s, c => c.Id == capture.Id).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                return MongoMapping.ToReceipt(existing, duplicate: true);
            }

            int added = 0, changed = 0, unchanged = 0;
            if (!capture.Outcome.IsBlocked() && capture.Outcome != PageOutcome.Failed)
            {
                var seen = new HashSet<PostKey>();
                var ordinal = 0;
                foreach (var post in capture.Posts)
                {
                    if (string.IsNullOrEmpty(post.Platform) || string.IsNullOrEmpty(post.Id) || !seen.Add(post.Key))
                    {
                        continue;
                    }

                    switch (await MongoPostWriter.ObserveAsync(m, s, post, capture.FetchedAt, capture.Id, ordinal++, capture.Source, false, ct))
                    {
                        case MongoPostWriter.Seen.New: added++; break;
                        case MongoPostWriter.Seen.Changed: changed++; break;
                        default: unchanged++; break;
                    }
                }
            }

            var tombstoned = (capture.Outcome.IsGone() ? await MongoPostWriter.TombstoneAsync(m, s, capture, ct) : 0)
                + await MongoPostWriter.TombstoneRemovedAsync(m, s, capture, ct);
            foreach (var a in capture.Artifacts.Where(a => a.Url is not null))
            {
                var id = a.Url + "|" + a.Sha256;
                await m.ArtifactUrls.ReplaceOneAsync(s, d => d.Id == id,
                    new ArtifactUrlDoc { Id = id, Url = a.Url!, Sha256 = a.Sha256, Kind = a.Kind, Length = a.Length, ContentType = a.ContentType },
                    new ReplaceOptions { IsUpsert = true }, ct);
            }

            if (context.Lease is { } lease)
            {
                await MongoRequestQueue.CompleteAsync(m, s, lease, capture.Outcome, ct);
            }

            var logged = await m.Custody.Find(s, c => c.Action == "capture" && c.Subject == capture.Id).AnyAsync(ct);
            if (!logged)
            {
                await custody.AppendAsync(s, new CustodyEvent
                {
                    Action = "capture",
                    Subject = capture.Id,
                    ArtifactHashes = capture.Artifacts.Select(a => a.Sha256).Distinct(StringComparer.Ordinal).ToArray(),
                    ConfigHash = context.ConfigHash,
                    Detail = $"{capture.Outcome.ToWire()} {capture.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {capture.FinalUrl}",
                }, ct);
            }

            var receipt = new CaptureReceipt { CaptureId = capture.Id, NewPosts = added, ChangedPosts = changed, UnchangedPosts = unchanged, Tombstoned = tombstoned };
            await m.Captures.ReplaceOneAsync(s, c => c.Id == capture.Id, MongoMapping.ToDoc(capture, receipt), new ReplaceOptions { IsUpsert = true }, ct);
            return receipt;
        }, cancellationToken);

    public async Task<ImportReceipt> ImportAsync(IEnumerable<Post> posts, ImportContext context, CancellationToken cancellationToken = default)
    {
        int added = 0, changed = 0, unchanged = 0, rejected = 0;
        foreach (var batch in posts.Chunk(ImportBatch))
        {
            var counts = await m.UnitAsync(async (s, ct) =>
            {
                int a = 0, c = 0, u = 0, r = 0;
                var at = time.GetUtcNow();
                foreach (var post in batch)
                {
                    if (string.IsNullOrWhiteSpace(post.Platform) || string.IsNullOrWhiteSpace(post.Id))
                    {
                        r++;
                        continue;
                    }

                    switch (await MongoPostWriter.ObserveAsync(m, s, post, at, null, 0, context.Source, true, ct))
                    {
                        case MongoPostWriter.Seen.New: a++; break;
                        case MongoPostWriter.Seen.Changed: c++; break;
                        default: u++; break;
                    }
                }

                return (a, c, u, r);
            }, cancellationToken);
            added += counts.a;
            changed += counts.c;
            unchanged += counts.u;
            rejected += counts.r;
        }

        await m.UnitAsync((s, ct) => custody.AppendAsync(s, new CustodyEvent
        {
            Action = "import",
            Subject = context.Origin,
            ConfigHash = context.ConfigHash,
            Detail = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"sha256 {context.FileSha256 ?? "-"}; {added} new, {changed} changed, {unchanged} unchanged, {rejected} rejected"),
        }, ct), cancellationToken);
        return new ImportReceipt { NewPosts = added, ChangedPosts = changed, UnchangedPosts = unchanged, Rejected = rejected };
    }

    public ValueTask DisposeAsync()
    {
        m.Client.Dispose();
        return ValueTask.CompletedTask;
    }
}
