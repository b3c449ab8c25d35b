using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Collector.Model;

namespace Collector.Storage;

/// <summary>
/// The content hash of a post: SHA-256 over a canonical JSON of what matters as evidence (text, title, author as shown,
/// media, links, parent and repost-of), never metrics, the post's URL or community (a permalink has several spellings). Equal hash means a revisit; a different hash means a new version.
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
            // The author as shown (handle, name, page). The platform's internal id counts only where there is no handle:
            // some renderings of the same post carry it and others don't (Reddit's API vs its comment markup), and that
            // is not an edit.
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
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }
}
