using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Collector.Parsers.Platforms.Pixiv;

/// <summary>
/// The properties of a pixiv illust object (ajax body, preload data, search row) that <see cref="PixivIllust"/> reads,
/// found in one pass over its properties instead of one scan per field. A missing property is <c>default</c>, which the
/// <see cref="Common.JsonRead"/> helpers read as missing; when a name occurs twice the last one wins, as with a look-up by name.
/// </summary>
internal struct PixivIllustFields
{
    public JsonElement CommentCount;
    public JsonElement CreateDate;
    public JsonElement Description;
    public JsonElement Id;
    public JsonElement IllustComment;
    public JsonElement IllustId;
    public JsonElement IllustTitle;
    public JsonElement IllustType;
    public JsonElement IsAdContainer;
    public JsonElement LikeCount;
    public JsonElement Tags;
    public JsonElement Title;
    public JsonElement UploadDate;
    public JsonElement Url;
    public JsonElement Urls;
    public JsonElement UserAccount;
    public JsonElement UserId;
    public JsonElement UserName;
    public JsonElement ViewCount;

    public static PixivIllustFields Read(JsonElement illust)
    {
        var fields = default(PixivIllustFields);
        if (illust.ValueKind != JsonValueKind.Object)
        {
            return fields;
        }

        foreach (var property in illust.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            fields.Set(name.Contains((byte)'\\') ? Encoding.UTF8.GetBytes(property.Name) : name, property.Value);
        }

        return fields;
    }

    private void Set(ReadOnlySpan<byte> name, JsonElement value)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8):
                Id = value;
                break;
            case 3 when name.SequenceEqual("url"u8):
                Url = value;
                break;
            case 4 when name.SequenceEqual("tags"u8):
                Tags = value;
                break;
            case 4 when name.SequenceEqual("urls"u8):
                Urls = value;
                break;
            case 5 when name.SequenceEqual("title"u8):
                Title = value;
                break;
            case 6 when name.SequenceEqual("userId"u8):
                UserId = value;
                break;
            case 8 when name.SequenceEqual("illustId"u8):
                IllustId = value;
                break;
            case 8 when name.SequenceEqual("userName"u8):
                UserName = value;
                break;
            case 9 when name.SequenceEqual("likeCount"u8):
                LikeCount = value;
                break;
            case 9 when name.SequenceEqual("viewCount"u8):
                ViewCount = value;
                break;
            case 10 when name.SequenceEqual("createDate"u8):
                CreateDate = value;
                break;
            case 10 when name.SequenceEqual("uploadDate"u8):
                UploadDate = value;
                break;
            case 10 when name.SequenceEqual("illustType"u8):
                IllustType = value;
                break;
            case 11 when name.SequenceEqual("illustTitle"u8):
                IllustTitle = value;
                break;
            case 11 when name.SequenceEqual("description"u8):
                Description = value;
                break;
            case 11 when name.SequenceEqual("userAccount"u8):
                UserAccount = value;
                break;
            case 12 when name.SequenceEqual("commentCount"u8):
                CommentCount = value;
                break;
            case 13 when name.SequenceEqual("illustComment"u8):
                IllustComment = value;
                break;
            case 13 when name.SequenceEqual("isAdContainer"u8):
                IsAdContainer = value;
                break;
        }
    }
}
