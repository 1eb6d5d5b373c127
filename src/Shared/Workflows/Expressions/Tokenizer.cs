using System.Globalization;
using System.Text;

namespace Serverless.Workflows.Expressions;

/// <summary>Turns expression text into tokens; rejects any character the grammar does not use.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        if (text.Length > ExpressionLimits.MaxLength)
            throw new ExpressionSyntaxException($"Expression is longer than {ExpressionLimits.MaxLength} characters", 0);
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            if (char.IsAsciiDigit(c))
                tokens.Add(new Token(TokenKind.Number, ReadNumber(text, ref i), start));
            else if (c is '\'' or '"')
                tokens.Add(new Token(TokenKind.String, ReadString(text, ref i), start));
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                    i++;
                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start));
            }
            else
            {
                var (kind, length) = ReadOperator(text, i);
                tokens.Add(new Token(kind, text.Substring(i, length), start));
                i += length;
            }
        }
        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static string ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
        }
        if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
            throw new ExpressionSyntaxException($"Malformed number '{text[start..(i + 1)]}'", start);
        var digits = text[start..i];
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
            throw new ExpressionSyntaxException($"Number '{digits}' is out of range", start);
        return digits;
    }

    private static string ReadString(string text, ref int i)
    {
        var quote = text[i];
        var start = i++;
        var value = new StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] != '\\')
            {
                value.Append(text[i++]);
                continue;
            }
            if (++i >= text.Length)
                break;
            var escaped = text[i++];
            value.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '\\' or '\'' or '"' => escaped,
                'u' => ReadUnicode(text, ref i, start),
                _ => throw new ExpressionSyntaxException($"Unknown escape '\\{escaped}' in string", i - 2),
            });
        }
        if (i >= text.Length)
            throw new ExpressionSyntaxException("Unterminated string literal", start);
        i++;
        return value.ToString();
    }

    private static char ReadUnicode(string text, ref int i, int start)
    {
        if (i + 4 > text.Length || !ushort.TryParse(text.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            throw new ExpressionSyntaxException("Malformed \\u escape in string", start);
        i += 4;
        return (char)code;
    }

    private static (TokenKind Kind, int Length) ReadOperator(string text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return (text[i], next) switch
        {
            ('&', '&') => (TokenKind.AndAnd, 2),
            ('|', '|') => (TokenKind.OrOr, 2),
            ('=', '=') => (TokenKind.EqualEqual, 2),
            ('!', '=') => (TokenKind.BangEqual, 2),
            ('<', '=') => (TokenKind.LessEqual, 2),
            ('>', '=') => (TokenKind.GreaterEqual, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('!', _) => (TokenKind.Bang, 1),
            ('.', _) => (TokenKind.Dot, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            _ => throw new ExpressionSyntaxException($"Unexpected character '{text[i]}'", i),
        };
    }
}
