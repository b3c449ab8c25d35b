namespace Collector.Parsers.Common;

/// <summary>The language of text written in a script used by one language only (no statistics needed).</summary>
internal static class ScriptLanguage
{
    public static string? Of(string text)
    {
        int letters = 0, han = 0, kana = 0, hangul = 0, thai = 0, greek = 0, hebrew = 0, georgian = 0, armenian = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            switch (c)
            {
                case >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF':
                    han++;
                    break;
                case >= '\u3040' and <= '\u30FF':
                    kana++;
                    break;
                case >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF':
                    hangul++;
                    break;
                case >= '\u0E00' and <= '\u0E7F':
                    thai++;
                    break;
                case >= '\u0370' and <= '\u03FF':
                    greek++;
                    break;
                case >= '\u0590' and <= '\u05FF':
                    hebrew++;
                    break;
                case >= '\u10A0' and <= '\u10FF':
                    georgian++;
                    break;
                case >= '\u0530' and <= '\u058F':
                    armenian++;
                    break;
            }
        }

        if (letters == 0)
        {
            return null;
        }

        bool Most(int n) => n * 2 > letters;
        return kana > 0 && Most(kana + han) ? "ja"
            : Most(hangul) ? "ko"
            : Most(han) ? "zh"
            : Most(thai) ? "th"
            : Most(greek) ? "el"
            : Most(hebrew) ? "he"
            : Most(georgian) ? "ka"
            : Most(armenian) ? "hy"
            : null;
    }
}
