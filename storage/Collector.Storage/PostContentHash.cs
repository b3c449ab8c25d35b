using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Collector.Model;

namespace Collector.Storage;

/// <summary>
/// The content hash of a post: SHA-256 over a canonical JSON of what matters as evidence (text, title, author, media,
/// links, parent and repost-of), never metrics. Equal hash means a revisit; a different hash means a new version.
/// Every backend computes it here so that archives agree.
/// </summary>
public static class PostContentHash
{
    // One buffer and writer per thread, reset for each post: hashing runs for every post on every write, so it should
    // not allocate both afresh each time (a buffer grown past 1 MiB by a huge post is let go again afterwards).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? cachedBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? cachedWriter;

    // Likewise one SHA-256 context per thread, reset by each GetHashAndReset: the one-shot HashData sets up and tears
    // down a fresh context per call, which for a few hundred bytes costs about as much as the hashing.
    [ThreadStatic]
    private static IncrementalHash? cachedSha256;

    public static string Compute(Post post)
    {
        var buffer = cachedBuffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var w = cachedWriter ??= new Utf8JsonWriter(buffer);
        w.Reset(buffer);
        w.WriteStartObject();
        w.WriteString("text", post.Text);
        w.WriteString("title", post.Title);
        w.WriteStartObject("author");
        // The author as shown (handle, name, page). The platform's internal id counts only where there is no handle: some
        // renderings of the same post carry it and others don't (Reddit's API vs its comment markup), and that is not an edit.
        w.WriteString("id", post.Author?.Handle is null ? post.Author?.Id : null);
        w.WriteString("handle", post.Author?.Handle);
        w.WriteString("name", post.Author?.Name);
        w.WriteString("url", post.Author?.Url);
        w.WriteEndObject();
        w.WriteStartArray("media");
        foreach (var m in post.Media)
        {
            w.WriteStartArray();
            w.WriteStringValue(m.Type);
            w.WriteStringValue(m.Url);
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteStartArray("links");
        foreach (var link in post.Links)
        {
            w.WriteStringValue(link);
        }

        w.WriteEndArray();
        w.WriteString("parent", post.ParentId);
        w.WriteString("repostOf", post.RepostOf);
        w.WriteEndObject();
        w.Flush();

        var sha256 = cachedSha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(buffer.WrittenSpan);
        Span<byte> hash = stackalloc byte[32];
        sha256.GetHashAndReset(hash);
        if (buffer.Capacity > 1 << 20)
        {
            cachedBuffer = null;
            cachedWriter = null;
        }

        return Convert.ToHexStringLower(hash);
    }
}
