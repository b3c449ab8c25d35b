using System.Security.Cryptography;
using System.Text;
using Collector.Model;

namespace Collector.Storage.Export;

/// <summary>
/// Replaces author ids, handles and names with keyed HMAC-SHA256 pseudonyms (the key read from a file), so that the
/// same author maps to the same pseudonym everywhere in an export (and in every export made with the same key), while
/// nobody without the key can reverse or re-derive them. The author URL, which names the account, is dropped.
/// </summary>
public sealed class Pseudonymizer
{
    private readonly byte[] key;

    public Pseudonymizer(ReadOnlySpan<byte> key)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException("a pseudonymization key needs at least 16 bytes", nameof(key));
        }

        this.key = key.ToArray();
    }

    /// <summary>Reads the key file (its bytes; surrounding whitespace of a text key is ignored).</summary>
    public static Pseudonymizer FromKeyFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"cannot read the pseudonymization key file {path}: {ex.Message}", nameof(path), ex);
        }

        var text = Encoding.UTF8.GetString(bytes).Trim();
        var key = text.Length > 0 && text.All(c => !char.IsControl(c)) ? Encoding.UTF8.GetBytes(text) : bytes;
        if (key.Length < 16)
        {
            throw new ArgumentException($"the pseudonymization key in {path} is too short ({key.Length} bytes; use at least 16 random bytes)", nameof(path));
        }

        return new Pseudonymizer(key);
    }

    /// <summary>The pseudonym of one value of one kind (id, handle, name) on one platform.</summary>
    public string Pseudonym(string kind, string platform, string value)
    {
        var normalized = kind == "handle" ? value.TrimStart('@').ToLowerInvariant() : value;
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(kind + "\u0000" + platform + "\u0000" + normalized));
        return kind + "-" + Convert.ToHexStringLower(mac.AsSpan(0, 10));
    }

    public Post Apply(Post post)
    {
        if (post.Author is not { } a)
        {
            return post;
        }

        return post with
        {
            Author = new Author
            {
                Id = a.Id is null ? null : Pseudonym("id", post.Platform, a.Id),
                Handle = a.Handle is null ? null : Pseudonym("handle", post.Platform, a.Handle),
                Name = a.Name is null ? null : Pseudonym("name", post.Platform, a.Name),
                Url = null,
            },
        };
    }
}
