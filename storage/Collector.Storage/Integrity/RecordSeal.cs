using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Buffers.Binary;
using System.Text;
using Collector.Model;

namespace Collector.Storage;

/// <summary>
/// One record's seal, carried by the custody entry that created or changed it: the record's table (collection), its
/// key, and the SHA-256 of its canonical form.
/// </summary>
public sealed record Seal(string Table, string Key, string Hash);

/// <summary>
/// The canonical form of every sealed kind of record, the same for every backend: the table, the key and the record's
/// stored values in a fixed order (times as UTC ticks, JSON columns as the exact UTF-8 stored), each written as a tag
/// byte (0 null, 1 text, 2 integer), then a text's byte length (4 bytes, little-endian) and bytes or an integer's 8 bytes
/// (little-endian), and hashed with SHA-256. A writer seals what it stores; the verifier recomputes the same from what it
/// reads back, so any edit of any stored value changes the hash.
/// </summary>
public static class RecordSeal
{
    public const string Captures = "captures";
    public const string Versions = "versions";
    public const string Observations = "observations";
    public const string Tombstones = "tombstones";
    public const string Artifacts = "artifacts";
    public const string Queue = "queue";
    public const string Runs = "runs";

    public static string PostKeyText(PostKey key) => key.Platform + ":" + key.Id;

    /// <summary>An observation's key: the post and the capture that saw it, or for imports the time and version.</summary>
    public static string ObservationKey(string post, string? captureId, long atTicks, int version) =>
        captureId is null ? string.Create(CultureInfo.InvariantCulture, $"{post}/import@{atTicks}/{version}") : post + "/" + captureId;

    public static string VersionKey(string post, int number) => string.Create(CultureInfo.InvariantCulture, $"{post}/{number}");

    public static Seal Capture(string id, long fetchedAtTicks, string requestUrl, string finalUrl, string outcome, string? platform,
        string? source, string? runId, string json, long newPosts, long changedPosts, long unchangedPosts, long tombstoned) =>
        new Builder(Captures, id).Add(fetchedAtTicks).Add(requestUrl).Add(finalUrl).Add(outcome).Add(platform).Add(source).Add(runId)
            .Add(json).Add(newPosts).Add(changedPosts).Add(unchangedPosts).Add(tombstoned).Finish();

    public static Seal Version(string post, int number, string contentHash, long firstSeenTicks, string? captureId, ReadOnlySpan<byte> json, ReadOnlySpan<byte> changes, bool hasChanges) =>
        new Builder(Versions, VersionKey(post, number)).Add(contentHash).Add(firstSeenTicks).Add(captureId).AddUtf8(json)
            .AddUtf8(hasChanges ? changes : default, isNull: !hasChanges).Finish();

    public static Seal Version(string post, int number, string contentHash, long firstSeenTicks, string? captureId, string json, string? changes) =>
        Version(post, number, contentHash, firstSeenTicks, captureId, Encoding.UTF8.GetBytes(json),
            changes is null ? default : Encoding.UTF8.GetBytes(changes), changes is not null);

    public static Seal Observation(string post, long atTicks, string? captureId, int ordinal, int version, bool changed, long? likes,
        long? comments, long? shares, long? views, long? score) =>
        new Builder(Observations, ObservationKey(post, captureId, atTicks, version)).Add(atTicks).Add(captureId).Add(ordinal).Add(version)
            .Add(changed ? 1 : 0).Add(likes).Add(comments).Add(shares).Add(views).Add(score).Finish();

    public static Seal Tombstone(string post, string reason, long atTicks, string captureId) =>
        new Builder(Tombstones, post).Add(reason).Add(atTicks).Add(captureId).Finish();

    /// <summary>An artifact as stored: its kind, length, encoding, stored length and the SHA-256 of the stored bytes.</summary>
    public static Seal Artifact(string sha256, string kind, long length, string? contentType, string encoding, long storedLength, string? storedSha256) =>
        new Builder(Artifacts, sha256).Add(kind).Add(length).Add(contentType).Add(encoding).Add(storedLength).Add(storedSha256).Finish();

    /// <summary>A queue lease completed by a capture (sealed as done with its outcome; the queue is working state afterwards).</summary>
    public static Seal QueueCompletion(string crawlId, string uniqueKey, string outcome) =>
        new Builder(Queue, crawlId + "|" + uniqueKey).Add("done").Add(outcome).Finish();

    public static Seal Run(string id, string json) => new Builder(Runs, id).Add(json).Finish();

    /// <summary>
    /// Writes the canonical form field by field into a buffer (one per thread, reset by each seal) and hashes it once at
    /// the end: one SHA-256 call per record, not one per field.
    /// </summary>
    public readonly struct Builder
    {
        [ThreadStatic]
        private static ArrayBufferWriter<byte>? cached;

        private readonly string table;
        private readonly string key;
        private readonly ArrayBufferWriter<byte> buffer;

        public Builder(string table, string key)
        {
            this.table = table;
            this.key = key;
            buffer = cached ??= new ArrayBufferWriter<byte>(1024);
            buffer.ResetWrittenCount(); // drops whatever a seal abandoned half-way (an exception) left behind
            Add(table);
            Add(key);
        }

        public Builder Add(string? value)
        {
            if (value is null)
            {
                return AddUtf8(default, isNull: true);
            }

            var span = buffer.GetSpan(5 + Encoding.UTF8.GetMaxByteCount(value.Length));
            var n = Encoding.UTF8.GetBytes(value, span[5..]);
            span[0] = 1;
            BinaryPrimitives.WriteInt32LittleEndian(span[1..], n);
            buffer.Advance(5 + n);
            return this;
        }

        public Builder AddUtf8(ReadOnlySpan<byte> utf8, bool isNull = false)
        {
            if (isNull)
            {
                buffer.GetSpan(1)[0] = 0;
                buffer.Advance(1);
                return this;
            }

            var span = buffer.GetSpan(5 + utf8.Length);
            span[0] = 1;
            BinaryPrimitives.WriteInt32LittleEndian(span[1..], utf8.Length);
            utf8.CopyTo(span[5..]);
            buffer.Advance(5 + utf8.Length);
            return this;
        }

        public Builder Add(long? value)
        {
            if (value is not { } v)
            {
                buffer.GetSpan(1)[0] = 0;
                buffer.Advance(1);
                return this;
            }

            var span = buffer.GetSpan(9);
            span[0] = 2;
            BinaryPrimitives.WriteInt64LittleEndian(span[1..], v);
            buffer.Advance(9);
            return this;
        }

        public Seal Finish()
        {
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(buffer.WrittenSpan, digest);
            if (buffer.Capacity > 1 << 20)
            {
                cached = null; // let a buffer grown by a huge record go
            }

            return new Seal(table, key, Convert.ToHexStringLower(digest));
        }
    }
}
