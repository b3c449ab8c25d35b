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
        w.WriteString("id", post.Author?.Id);
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

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        if (buffer.Capacity > 1 << 20)
        {
            cachedBuffer = null;
            cachedWriter = null;
        }

        return Convert.ToHexStringLower(hash);
    }
}
