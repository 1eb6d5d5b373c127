namespace Serverless.Workflows.Expressions;

/// <summary>Lexical token kinds of the expression language.</summary>
internal enum TokenKind
{
    End,
    Number,
    String,
    Identifier,
    Dot,
    Comma,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Bang,
    AndAnd,
    OrOr,
    EqualEqual,
    BangEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
}

/// <summary>One token: its kind, its text (identifier name, decoded string, number digits) and where it starts.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position);
