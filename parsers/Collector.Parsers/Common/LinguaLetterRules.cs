using Lingua;

namespace Collector.Parsers.Common;

/// <summary>
/// Lingua's letters-to-languages rule table (its <c>CharsToLanguagesMapping</c>: a word holding one of these letters can
/// only be in one of these languages), as published in the source of the Lingua version named in Directory.Packages.props
/// (SearchPioneer.Lingua 2.0.0), in Lingua's order. Kept here as data rather than read from Lingua's private field by
/// reflection, which would break silently on an update; <see cref="LinguaAgreement"/> checks at load, through Lingua's
/// public API, that the scorers built on it still give Lingua's answers, and they stand down when they do not.
/// </summary>
internal static class LinguaLetterRules
{
    public static IReadOnlyList<(string Letters, Language[] Languages)> Table { get; } =
    [
        ("\u00C3\u00E3", [Language.Portuguese, Language.Vietnamese]),
        ("\u0104\u0105\u0118\u0119", [Language.Lithuanian, Language.Polish]),
        ("\u017B\u017C", [Language.Polish, Language.Romanian]),
        ("\u00CE\u00EE", [Language.French, Language.Romanian]),
        ("\u00D1\u00F1", [Language.Basque, Language.Spanish]),
        ("\u0147\u0148\u0164\u0165", [Language.Czech, Language.Slovak]),
        ("\u0102\u0103", [Language.Romanian, Language.Vietnamese]),
        ("\u0130\u0131\u011E\u011F", [Language.Azerbaijani, Language.Turkish]),
        ("\u0408\u0458\u0409\u0459\u040A\u045A", [Language.Macedonian, Language.Serbian]),
        ("\u1EB8\u1EB9\u1ECC\u1ECD", [Language.Vietnamese, Language.Yoruba]),
        ("\u00D0\u00F0\u00DE\u00FE", [Language.Icelandic, Language.Turkish]),
        ("\u00DB\u00FB", [Language.French, Language.Hungarian]),
        ("\u014C\u014D", [Language.Maori, Language.Yoruba]),
        ("\u04E8\u04E9\u04AE\u04AF", [Language.Kazakh, Language.Mongolian]),
        ("\u0100\u0101\u0112\u0113\u012A\u012B", [Language.Latvian, Language.Maori, Language.Yoruba]),
        ("\u015E\u015F", [Language.Azerbaijani, Language.Romanian, Language.Turkish]),
        ("\u010E\u010F", [Language.Czech, Language.Romanian, Language.Slovak]),
        ("\u0106\u0107", [Language.Bosnian, Language.Croatian, Language.Polish]),
        ("\u0110\u0111", [Language.Bosnian, Language.Croatian, Language.Vietnamese]),
        ("\u0406\u0456", [Language.Belarusian, Language.Kazakh, Language.Ukrainian]),
        ("\u00CC\u00EC", [Language.Italian, Language.Vietnamese, Language.Yoruba]),
        ("\u00D8\u00F8", [Language.Bokmal, Language.Danish, Language.Nynorsk]),
        ("\u016A\u016B", [Language.Latvian, Language.Lithuanian, Language.Maori, Language.Yoruba]),
        ("\u00CB\u00EB", [Language.Afrikaans, Language.Albanian, Language.Dutch, Language.French]),
        ("\u00C8\u00E8\u00D9\u00F9", [Language.French, Language.Italian, Language.Vietnamese, Language.Yoruba]),
        ("\u00CA\u00EA", [Language.Afrikaans, Language.French, Language.Portuguese, Language.Vietnamese]),
        ("\u00D5\u00F5", [Language.Estonian, Language.Hungarian, Language.Portuguese, Language.Vietnamese]),
        ("\u00D4\u00F4", [Language.French, Language.Portuguese, Language.Slovak, Language.Vietnamese]),
        ("\u0401\u0451\u042B\u044B\u042D\u044D", [Language.Belarusian, Language.Kazakh, Language.Mongolian, Language.Russian]),
        ("\u0429\u0449\u042A\u044A", [Language.Bulgarian, Language.Kazakh, Language.Mongolian, Language.Russian]),
        ("\u00D2\u00F2", [Language.Catalan, Language.Italian, Language.Vietnamese, Language.Yoruba]),
        ("\u00C6\u00E6", [Language.Bokmal, Language.Danish, Language.Icelandic, Language.Nynorsk]),
        ("\u00C5\u00E5", [Language.Bokmal, Language.Danish, Language.Nynorsk, Language.Swedish]),
        ("\u00DD\u00FD", [Language.Czech, Language.Icelandic, Language.Slovak, Language.Turkish, Language.Vietnamese]),
        ("\u00C4\u00E4", [Language.Estonian, Language.Finnish, Language.German, Language.Slovak, Language.Swedish]),
        ("\u00C0\u00E0", [Language.Catalan, Language.French, Language.Italian, Language.Portuguese, Language.Vietnamese]),
        ("\u00C2\u00E2", [Language.French, Language.Portuguese, Language.Romanian, Language.Turkish, Language.Vietnamese]),
        ("\u00DC\u00FC", [Language.Azerbaijani, Language.Catalan, Language.Estonian, Language.German, Language.Hungarian, Language.Spanish, Language.Turkish]),
        ("\u010C\u010D\u0160\u0161\u017D\u017E", [Language.Bosnian, Language.Czech, Language.Croatian, Language.Latvian, Language.Lithuanian, Language.Slovak, Language.Slovene]),
        ("\u00C7\u00E7", [Language.Albanian, Language.Azerbaijani, Language.Basque, Language.Catalan, Language.French, Language.Portuguese, Language.Turkish]),
        ("\u00D6\u00F6", [Language.Azerbaijani, Language.Estonian, Language.Finnish, Language.German, Language.Hungarian, Language.Icelandic, Language.Swedish, Language.Turkish]),
        ("\u00D3\u00F3", [Language.Catalan, Language.Hungarian, Language.Icelandic, Language.Irish, Language.Polish, Language.Portuguese, Language.Slovak, Language.Spanish, Language.Vietnamese, Language.Yoruba]),
        ("\u00C1\u00E1\u00CD\u00ED\u00DA\u00FA", [Language.Catalan, Language.Czech, Language.Icelandic, Language.Irish, Language.Hungarian, Language.Portuguese, Language.Slovak, Language.Spanish, Language.Vietnamese, Language.Yoruba]),
        ("\u00C9\u00E9", [Language.Catalan, Language.Czech, Language.French, Language.Hungarian, Language.Icelandic, Language.Irish, Language.Italian, Language.Portuguese, Language.Slovak, Language.Spanish, Language.Vietnamese, Language.Yoruba]),
    ];
}
