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
    public static string Compute(Post post)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + ((post.Text?.Length ?? 0) * 2));
        using (var w = new Utf8JsonWriter(buffer))
        {
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
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }
}
