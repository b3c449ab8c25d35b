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
    private readonly MongoArtifactStore artifacts;
    private readonly MongoRunStore runs;

    internal MongoArchive(string uri, MongoStore store, TimeProvider time)
    {
        Uri = uri;
        m = store;
        this.time = time;
        artifacts = new MongoArtifactStore(store, time);
        custody = new MongoCustodyLog(store, time, artifacts);
        Queue = new MongoRequestQueue(store, time);
        runs = new MongoRunStore(store, custody, time);
        Integrity = new MongoIntegrity(store, artifacts, custody);
    }

    public string Uri { get; }

    /// <summary>True when units of work run as multi-document transactions (replica set or sharded cluster).</summary>
    public bool UsesTransactions => m.Transactions;

    public IArtifactStore Artifacts => artifacts;

    public ICustodyLog Custody => custody;

    public IRequestQueue Queue { get; }

    public IRunStore Runs => runs;

    public IArchiveIntegrity Integrity { get; }

    /// <summary>Marks interrupted the runs whose process on this host died (called when the archive is opened).</summary>
    internal Task<int> MarkInterruptedRunsAsync(CancellationToken cancellationToken) => runs.MarkInterruptedAsync(cancellationToken);

    public async Task<CaptureReceipt> RecordCaptureAsync(Capture capture, CaptureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(capture.Id);
        var token = Guid.NewGuid().ToString("N");
        while (true)
        {
            var result = await m.UnitAsync(async (s, ct) =>
            {
                var existing = await m.Captures.Find(s, c => c.Id == capture.Id).FirstOrDefaultAsync(ct);
                if (existing is not null)
                {
                    return MongoMapping.ToReceipt(existing, duplicate: true);
                }

                // Claim the capture before writing any of it: a second worker recording the same capture id at the same
                // time (on a standalone server, where there is no transaction to make it wait) finds the claim and waits
                // for the first to finish instead of overwriting its observations.
                if (!await MongoCaptureClaims.TryClaimAsync(m, s, capture.Id, token, time.GetUtcNow(), ct))
                {
                    return null;
                }

                return await RecordClaimedAsync(s, capture, context, ct);
            }, cancellationToken);
            if (result is not null)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }

    private async Task<CaptureReceipt> RecordClaimedAsync(IClientSessionHandle s, Capture capture, CaptureContext context, CancellationToken ct)
    {
        int added = 0, changed = 0, unchanged = 0;
        var seals = new List<Seal>(capture.Posts.Count * 2 + 2);
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

                switch (await MongoPostWriter.ObserveAsync(m, s, post, capture.FetchedAt, capture.Id, ordinal++, capture.Source, false, seals, ct))
                {
                    case MongoPostWriter.Seen.New: added++; break;
                    case MongoPostWriter.Seen.Changed: changed++; break;
                    default: unchanged++; break;
                }
            }
        }

        var tombstoned = (capture.Outcome.IsGone() ? await MongoPostWriter.TombstoneAsync(m, s, capture, seals, ct) : 0)
            + await MongoPostWriter.TombstoneRemovedAsync(m, s, capture, seals, ct);
        foreach (var a in capture.Artifacts.Where(a => a.Url is not null))
        {
            var id = a.Url + "|" + a.Sha256;
            await m.ArtifactUrls.ReplaceOneAsync(s, d => d.Id == id,
                new ArtifactUrlDoc { Id = id, Url = a.Url!, Sha256 = a.Sha256, Kind = a.Kind, Length = a.Length, ContentType = a.ContentType },
                new ReplaceOptions { IsUpsert = true }, ct);
        }

        if (context.Lease is { } lease && (await MongoRequestQueue.CompleteAsync(m, s, lease, capture.Outcome, ct)).ModifiedCount > 0)
        {
            seals.Add(RecordSeal.QueueCompletion(lease.CrawlId, lease.Request.UniqueKey, capture.Outcome.ToWire()));
        }

        await artifacts.SealAsync(capture.Artifacts.Select(a => a.Sha256).Distinct(StringComparer.Ordinal), seals, ct);
        var receipt = new CaptureReceipt { CaptureId = capture.Id, NewPosts = added, ChangedPosts = changed, UnchangedPosts = unchanged, Tombstoned = tombstoned };
        var doc = MongoMapping.ToDoc(capture, receipt);
        seals.Add(MongoMapping.SealOf(doc));
        // False when an earlier attempt (a worker that died between its custody entry and its capture document, on a
        // standalone server) already logged this capture: its entry stands, and the capture document is written now.
        await custody.AppendOnceAsync(s, new CustodyEvent
        {
            Action = "capture",
            Subject = capture.Id,
            ArtifactHashes = capture.Artifacts.Select(a => a.Sha256).Distinct(StringComparer.Ordinal).ToArray(),
            Seals = seals,
            ConfigHash = context.ConfigHash,
            Detail = $"{capture.Outcome.ToWire()} {capture.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {capture.FinalUrl}",
        }, ct);

        await m.Captures.ReplaceOneAsync(s, c => c.Id == capture.Id, doc, new ReplaceOptions { IsUpsert = true }, ct);
        return receipt;
    }

    public async Task<ImportReceipt> ImportAsync(IEnumerable<Post> posts, ImportContext context, CancellationToken cancellationToken = default)
    {
        int added = 0, changed = 0, unchanged = 0, rejected = 0, batchNumber = 0;
        foreach (var batch in posts.Chunk(ImportBatch))
        {
            var number = ++batchNumber;
            var counts = await m.UnitAsync(async (s, ct) =>
            {
                int a = 0, c = 0, u = 0, r = 0;
                var at = time.GetUtcNow();
                var seals = new List<Seal>(batch.Length * 2);
                foreach (var post in batch)
                {
                    if (string.IsNullOrWhiteSpace(post.Platform) || string.IsNullOrWhiteSpace(post.Id))
                    {
                        r++;
                        continue;
                    }

                    switch (await MongoPostWriter.ObserveAsync(m, s, post, at, null, 0, context.Source, true, seals, ct))
                    {
                        case MongoPostWriter.Seen.New: a++; break;
                        case MongoPostWriter.Seen.Changed: c++; break;
                        default: u++; break;
                    }
                }

                await custody.AppendAsync(s, ImportLog.BatchEvent(context, number, a, c, u, r, seals), ct);
                return (a, c, u, r);
            }, cancellationToken);
            added += counts.a;
            changed += counts.c;
            unchanged += counts.u;
            rejected += counts.r;
        }

        await custody.AppendAsync(ImportLog.EndEvent(context, batchNumber, added, changed, unchanged, rejected), cancellationToken);
        return new ImportReceipt { NewPosts = added, ChangedPosts = changed, UnchangedPosts = unchanged, Rejected = rejected, Batches = batchNumber };
    }

    public ValueTask DisposeAsync()
    {
        m.Client.Dispose();
        return ValueTask.CompletedTask;
    }
}
