using System.Runtime.CompilerServices;
using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>
/// The custody collection, keyed by sequence number: an append reads the last entry and inserts entry N+1; when another
/// writer took N+1 first, the insert fails on the unique _id and the append starts over, so the chain never forks.
/// </summary>
internal sealed class MongoCustodyLog(MongoStore m, TimeProvider time, MongoArtifactStore artifacts) : ICustodyLog
{
    private const int DuplicateKey = 11000;

    /// <summary>Appends an entry on its own (an export, a manifest or timestamp), sealing the artifacts it names as a capture does.</summary>
    public Task<CustodyEntry> AppendAsync(CustodyEvent custodyEvent, CancellationToken cancellationToken = default) =>
        m.GuardAsync(async () =>
        {
            if (custodyEvent.ArtifactHashes.Count > 0)
            {
                var seals = new List<Seal>(custodyEvent.Seals ?? []);
                await artifacts.SealAsync(custodyEvent.ArtifactHashes, seals, cancellationToken);
                custodyEvent = custodyEvent with { Seals = seals };
            }

            using var session = await m.Client.StartSessionAsync(cancellationToken: cancellationToken);
            var entry = await AppendAsync(session, custodyEvent, cancellationToken);
            await AnchorAsync(entry, custodyEvent.Action + " " + custodyEvent.Subject, cancellationToken);
            return entry;
        });

    /// <summary>
    /// The anchor file of this database on this machine (there is no folder beside a server): under the user's local
    /// data folder, collector/anchors/HOSTS_DB.anchors. Each machine that writes keeps its own; verify holds the log to
    /// the anchors of the machine it runs on.
    /// </summary>
    internal string AnchorPath { get; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "collector", "anchors", string.Concat(m.Description.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')) + CustodyAnchors.Suffix);

    /// <summary>Writes <paramref name="head"/> to the anchor file, as SQLite does after every run, import and standalone entry.</summary>
    internal async Task AnchorAsync(CustodyEntry head, string reason, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(AnchorPath)!);
        await CustodyAnchors.AppendAsync(AnchorPath, head, reason, time.GetUtcNow(), ct);
    }

    /// <summary>
    /// Appends a capture's entry unless that capture is logged already (the unique capture index decides, so two workers
    /// on a standalone server cannot both log it); true when this call appended it.
    /// </summary>
    internal async Task<bool> AppendOnceAsync(IClientSessionHandle s, CustodyEvent e, CancellationToken ct)
    {
        try
        {
            await AppendAsync(s, e, ct);
            return true;
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Code == DuplicateKey && ex.WriteError.Message.Contains(MongoIndexes.CaptureIndex, StringComparison.Ordinal))
        {
            return false;
        }
    }

    internal async Task<CustodyEntry> AppendAsync(IClientSessionHandle s, CustodyEvent e, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var last = await m.Custody.Find(s, FilterDefinition<CustodyDoc>.Empty).SortByDescending(c => c.Sequence).Limit(1).FirstOrDefaultAsync(ct);
            var entry = CustodyChain.Next(e, last?.Sequence ?? 0, last?.Hash ?? CustodyChain.GenesisHash, time.GetUtcNow());
            try
            {
                await m.Custody.InsertOneAsync(s, MongoMapping.ToDoc(entry), cancellationToken: ct);
                return entry;
            }
            catch (MongoWriteException ex) when (ex.WriteError?.Code == DuplicateKey && !s.IsInTransaction && attempt < 100
                && !ex.WriteError.Message.Contains(MongoIndexes.CaptureIndex, StringComparison.Ordinal))
            {
                // Another writer appended entry N+1 first: read the new last entry and try again.
            }
        }
    }

    public Task<CustodyEntry?> HeadAsync(CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
    {
        var last = await m.Custody.Find(FilterDefinition<CustodyDoc>.Empty).SortByDescending(c => c.Sequence).Limit(1).FirstOrDefaultAsync(cancellationToken);
        return last is null ? null : MongoMapping.FromDoc(last);
    });

    public async IAsyncEnumerable<CustodyEntry> ReadAsync(long fromSequence = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var cursor = await m.GuardAsync(() => m.Custody.Find(c => c.Sequence >= fromSequence).SortBy(c => c.Sequence).ToCursorAsync(cancellationToken));
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var d in cursor.Current)
            {
                yield return MongoMapping.FromDoc(d);
            }
        }
    }

    public async IAsyncEnumerable<CustodyEntry> ReadBySubjectAsync(string action, string subject, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // the action_subject index (MongoIndexes.Custody)
        using var cursor = await m.GuardAsync(() => m.Custody.Find(c => c.Action == action && c.Subject == subject).SortBy(c => c.Sequence).ToCursorAsync(cancellationToken));
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var d in cursor.Current)
            {
                yield return MongoMapping.FromDoc(d);
            }
        }
    }
}
