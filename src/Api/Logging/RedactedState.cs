using System.Collections;

namespace Serverless.Api.Logging;

/// <summary>The state of a log entry after redaction: the masked message and the masked structured values.</summary>
/// <param name="Message">The masked message.</param>
/// <param name="Values">The masked values.</param>
internal sealed record RedactedState(string Message, IReadOnlyList<KeyValuePair<string, object?>> Values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => Values.Count;

    public KeyValuePair<string, object?> this[int index] => Values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}
