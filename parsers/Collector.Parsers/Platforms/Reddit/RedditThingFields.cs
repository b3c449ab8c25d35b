using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>
/// The properties of an API thing's <c>data</c> object that the readers use, found in one pass over its properties
/// (a listing's t3 data holds ~100 properties; looking each field up by name scanned them again for every field). A
/// property the object lacks is <c>default</c>, which the <see cref="Common.JsonRead"/> helpers read as missing; when a
/// name occurs twice the last one wins, as with a look-up by name.
/// </summary>
internal struct RedditThingFields
{
    public JsonElement Author;
    public JsonElement AuthorFullname;
    public JsonElement Body;
    public JsonElement Children;
    public JsonElement Created;
    public JsonElement CreatedUtc;
    public JsonElement CrosspostParent;
    public JsonElement Id;
    public JsonElement IsSelf;
    public JsonElement LinkId;
    public JsonElement Media;
    public JsonElement MediaMetadata;
    public JsonElement Name;
    public JsonElement NumComments;
    public JsonElement ParentId;
    public JsonElement Permalink;
    public JsonElement Preview;
    public JsonElement RemovedByCategory;
    public JsonElement Replies;
    public JsonElement Score;
    public JsonElement Selftext;
    public JsonElement Subreddit;
    public JsonElement Title;
    public JsonElement Url;
    public JsonElement UrlOverriddenByDest;

    public static RedditThingFields Read(JsonElement data)
    {
        var fields = default(RedditThingFields);
        if (data.ValueKind != JsonValueKind.Object)
        {
            return fields;
        }

        foreach (var property in data.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            if (name.Contains((byte)'\\'))
            {
                // An escaped name (never seen from Reddit): compare its unescaped form, as a look-up by name would.
                fields.Set(Encoding.UTF8.GetBytes(property.Name), property.Value);
            }
            else
            {
                fields.Set(name, property.Value);
            }
        }

        return fields;
    }

    private void Set(ReadOnlySpan<byte> name, JsonElement value)
    {
        switch (name.Length)
        {
            case 2:
                if (name.SequenceEqual("id"u8))
                {
                    Id = value;
                }

                break;
            case 3:
                if (name.SequenceEqual("url"u8))
                {
                    Url = value;
                }

                break;
            case 4:
                if (name.SequenceEqual("name"u8))
                {
                    Name = value;
                }
                else if (name.SequenceEqual("body"u8))
                {
                    Body = value;
                }

                break;
            case 5:
                if (name.SequenceEqual("title"u8))
                {
                    Title = value;
                }
                else if (name.SequenceEqual("score"u8))
                {
                    Score = value;
                }
                else if (name.SequenceEqual("media"u8))
                {
                    Media = value;
                }

                break;
            case 6:
                if (name.SequenceEqual("author"u8))
                {
                    Author = value;
                }

                break;
            case 7:
                if (name.SequenceEqual("is_self"u8))
                {
                    IsSelf = value;
                }
                else if (name.SequenceEqual("created"u8))
                {
                    Created = value;
                }
                else if (name.SequenceEqual("link_id"u8))
                {
                    LinkId = value;
                }
                else if (name.SequenceEqual("replies"u8))
                {
                    Replies = value;
                }
                else if (name.SequenceEqual("preview"u8))
                {
                    Preview = value;
                }

                break;
            case 8:
                if (name.SequenceEqual("selftext"u8))
                {
                    Selftext = value;
                }
                else if (name.SequenceEqual("children"u8))
                {
                    Children = value;
                }

                break;
            case 9:
                if (name.SequenceEqual("subreddit"u8))
                {
                    Subreddit = value;
                }
                else if (name.SequenceEqual("permalink"u8))
                {
                    Permalink = value;
                }
                else if (name.SequenceEqual("parent_id"u8))
                {
                    ParentId = value;
                }

                break;
            case 11:
                if (name.SequenceEqual("created_utc"u8))
                {
                    CreatedUtc = value;
                }

                break;
            case 12:
                if (name.SequenceEqual("num_comments"u8))
                {
                    NumComments = value;
                }

                break;
            case 14:
                if (name.SequenceEqual("media_metadata"u8))
                {
                    MediaMetadata = value;
                }

                break;
            case 15:
                if (name.SequenceEqual("author_fullname"u8))
                {
                    AuthorFullname = value;
                }

                break;
            case 16:
                if (name.SequenceEqual("crosspost_parent"u8))
                {
                    CrosspostParent = value;
                }

                break;
            case 19:
                if (name.SequenceEqual("removed_by_category"u8))
                {
                    RemovedByCategory = value;
                }

                break;
            case 22:
                if (name.SequenceEqual("url_overridden_by_dest"u8))
                {
                    UrlOverriddenByDest = value;
                }

                break;
        }
    }
}
