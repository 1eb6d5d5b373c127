namespace Serverless.Secrets;

/// <summary>The names a secret may have: a letter or underscore, then letters, digits or underscores, at most 128.</summary>
public static class SecretName
{
    /// <summary>The longest name.</summary>
    public const int MaxLength = 128;

    /// <summary>Whether <paramref name="name"/> is a valid secret name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
