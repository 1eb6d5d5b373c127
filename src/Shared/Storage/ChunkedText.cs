using System.Globalization;
using Azure.Data.Tables;

namespace Serverless.Storage;

/// <summary>
/// Text longer than one Table string property (32,768 characters) stored whole over numbered properties of one
/// entity: <c>{prefix}0..{prefix}N</c> plus a count. Short text stays in the plain <c>{prefix}</c> property, so
/// a row read in Storage Explorer shows it as it is.
/// </summary>
public static class ChunkedText
{
    /// <summary>Characters per property; below the 32,768-character limit.</summary>
    public const int ChunkChars = 30_000;

    /// <summary>Writes <paramref name="text"/> as <c>{name}</c>, or as <c>{name}0..N</c> with <c>{name}Chunks</c> when it is long.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="name">The property name.</param>
    /// <param name="text">The text; null writes nothing.</param>
    public static void Write(TableEntity entity, string name, string? text)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (text is null || text.Length <= ChunkChars)
        {
            entity[name] = text;
            return;
        }

        WriteChunks(entity, name + "Chunks", name, text);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The text, or null when none was written.</returns>
    public static string? Read(TableEntity entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.GetInt32(name + "Chunks") is { } ? ReadChunks(entity, name + "Chunks", name) : entity.GetString(name);
    }

    /// <summary>Writes <paramref name="text"/> as <c>{prefix}0..N</c> with the count in <paramref name="countName"/>, however short.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="countName">The property that holds the number of chunks.</param>
    /// <param name="prefix">The chunk properties' name prefix.</param>
    /// <param name="text">The text.</param>
    public static void WriteChunks(TableEntity entity, string countName, string prefix, string text)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(text);
        var chunks = (text.Length + ChunkChars - 1) / ChunkChars;
        entity[countName] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            entity[prefix + i.ToString(CultureInfo.InvariantCulture)] = text.Substring(i * ChunkChars, Math.Min(ChunkChars, text.Length - (i * ChunkChars)));
        }
    }

    /// <summary>Reads what <see cref="WriteChunks"/> wrote.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="countName">The property that holds the number of chunks.</param>
    /// <param name="prefix">The chunk properties' name prefix.</param>
    /// <returns>The text; empty when there are no chunks.</returns>
    public static string ReadChunks(TableEntity entity, string countName, string prefix)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var chunks = entity.GetInt32(countName) ?? 0;
        return string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(prefix + i.ToString(CultureInfo.InvariantCulture))));
    }
}
